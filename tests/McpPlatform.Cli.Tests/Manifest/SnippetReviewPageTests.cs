using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Cli.Tests.Manifest;

/// <summary>
/// Snippets on the review page, through the CLI: a section of their own (not rows of the tool table) with name, tool,
/// access, description, input schema and script hash; a changed script shows the approved hash beside the new one and
/// its high-risk change.
/// </summary>
public sealed class SnippetReviewPageTests : IDisposable
{
    private static readonly string ScriptV1 = "sha256:" + new string('a', 64);
    private static readonly string ScriptV2 = "sha256:" + new string('b', 64);

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static JsonObject Server(string scriptHash)
    {
        var snippet = TestManifest.Tool("snippet_issue_digest", "read", "The titles of the issues a query finds.");
        snippet["toolSet"] = "snippets";
        snippet["inputSchema"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["query"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 } },
            ["required"] = TestManifest.Strings("query"),
            ["additionalProperties"] = false,
        };
        snippet["snippet"] = new JsonObject { ["name"] = "issue_digest", ["scriptHash"] = scriptHash };
        return TestManifest.Create(TestManifest.Tool("issues_search"), snippet);
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Snippets_have_their_own_section_with_access_description_schema_and_script_hash()
    {
        TestManifest.Write(Server(ScriptV1), _folder.Combine(ManifestFiles.ManifestFileName));
        var review = _folder.Combine("review.html");

        (await CliRun.RunAsync("manifest", "review", _folder.Path, "--out", review)).EnsureSuccess();

        var html = File.ReadAllText(review);
        Assert.Equal(["issues_search"], Regex.Matches(Section(html, "tools"), "<tr class=\"tool(?: [^\"]*)?\" data-tool=\"([^\"]+)\">").Select(m => m.Groups[1].Value));
        var snippets = Section(html, "snippets");
        Assert.Contains("<h2>Snippets (1)</h2>", snippets);
        Assert.Contains("<tr class=\"snippet changed risk-", snippets); // never approved: new
        Assert.Contains("<code>issue_digest</code><div class=\"toolset\">tool <code>snippet_issue_digest</code></div>", snippets);
        Assert.Contains("<span class=\"badge access-read\">read</span>", snippets);
        Assert.Contains("The titles of the issues a query finds.", snippets);
        Assert.Contains("&quot;minLength&quot;: 1", snippets);
        Assert.Contains($"<div class=\"hash script-hash\">{ScriptV1}</div>", snippets);
        Assert.Contains("<dt>Tools</dt><dd>1</dd>", html);
        Assert.Contains("<dt>Snippets</dt><dd>1</dd>", html);
    }

    [Fact]
    public async Task A_changed_script_shows_the_approved_hash_and_its_high_risk_change()
    {
        TestManifest.Write(Server(ScriptV1), _folder.Combine(ManifestFiles.ManifestFileName));
        (await CliRun.RunAsync("manifest", "approve", _folder.Path, "--reviewer", "jane.doe@example.com")).EnsureSuccess();
        TestManifest.Write(Server(ScriptV2), _folder.Combine(ManifestFiles.ManifestFileName));
        var review = _folder.Combine("review.html");

        (await CliRun.RunAsync("manifest", "review", _folder.Path, "--out", review)).EnsureSuccess();

        var snippets = Section(File.ReadAllText(review), "snippets");
        Assert.Contains("<tr class=\"snippet changed risk-high\" data-snippet=\"issue_digest\">", snippets);
        Assert.Contains($"<div class=\"hash script-hash\">{ScriptV2}</div><div class=\"script-changed\">changed since approval; approved script <span class=\"hash\">{ScriptV1}</span>", snippets);
        Assert.Matches("<tr class=\"entry-changes\" data-snippet=\"issue_digest\"><td colspan=\"5\"><ul><li class=\"risk-high\">.*script changed", snippets);
    }
}
