using System.Text.RegularExpressions;
using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Cli.Tests.Manifest;

/// <summary>The review page's Resources and Prompts tables.</summary>
public sealed class ResourcePromptReviewPageTests : IDisposable
{
    private const string Script = "<script>alert('pwned')</script>";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string ReviewPath => _folder.Combine("review.html");

    /// <summary>
    /// Approves the manifest with resources and prompts, then changes it: a poisoned resource description, a removed
    /// resource, a new prompt and a prompt argument that became optional.
    /// </summary>
    private async Task<string> ReviewChangedAsync()
    {
        TestManifest.Write(TestManifest.WithResourcesAndPrompts(), _folder.Combine(ManifestFiles.ManifestFileName));
        (await CliRun.RunAsync("manifest", "approve", _folder.Path, "--reviewer", "jane.doe@example.com")).EnsureSuccess();

        var changed = TestManifest.WithResourcesAndPrompts();
        changed.Resource("handbook")["description"] = $"The handbook. {Script}\u200bHidden <img src=x onerror=alert(1)>";
        changed["resources"]!.AsArray().RemoveAt(1);
        changed["prompts"]!.AsArray().Add(TestManifest.Prompt("summarize"));
        changed.Prompt("review_change")["arguments"]![0]!["required"] = false;
        TestManifest.Write(TestManifest.Seal(changed), _folder.Combine(ManifestFiles.ManifestFileName));

        var run = (await CliRun.RunAsync("manifest", "review", _folder.Path, "--out", ReviewPath)).EnsureSuccess();
        Assert.Contains("3 tools, 1 resource, 2 prompts;", run.Stdout);
        return File.ReadAllText(ReviewPath);
    }

    [Fact]
    public async Task Resources_and_prompts_get_their_own_tables_after_the_tools()
    {
        var html = await ReviewChangedAsync();

        Assert.True(html.IndexOf("id=\"tools\"", StringComparison.Ordinal) < html.IndexOf("id=\"resources\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"resources\"", StringComparison.Ordinal) < html.IndexOf("id=\"prompts\"", StringComparison.Ordinal));
        Assert.Contains("<h2>Resources (1)</h2>", html);
        Assert.Contains("<h2>Prompts (2)</h2>", html);
        Assert.Contains("<dt>Resources</dt><dd>1</dd>", html);
        Assert.Contains("<dt>Prompts</dt><dd>2</dd>", html);

        var resources = Regex.Matches(html, "<tr class=\"(resource[^\"]*)\" data-resource=\"([^\"]+)\">").Select(m => (m.Groups[2].Value, m.Groups[1].Value)).ToList();
        Assert.Equal([("handbook", "resource changed risk-high"), ("ticket", "resource removed changed risk-low")], resources);
        var prompts = Regex.Matches(html, "<tr class=\"(prompt[^\"]*)\" data-prompt=\"([^\"]+)\">").Select(m => (m.Groups[2].Value, m.Groups[1].Value)).ToList();
        Assert.Equal([("review_change", "prompt changed risk-medium"), ("summarize", "prompt changed risk-medium")], prompts);

        Assert.Contains("<td class=\"name\"><code>ticket</code> <span class=\"badge removed\">removed</span><div class=\"title\">Title of ticket</div></td>", html);
        Assert.Contains("<td class=\"uri\"><code>tickets://{project}/{id}</code> <span class=\"uri-kind\">template</span></td>", html);
        Assert.Contains("<td class=\"uri\"><code>docs://handbook</code></td>", html);
        Assert.Contains("<td class=\"mime-type\"><code>text/markdown</code></td>", html);
        Assert.Equal(2, Regex.Matches(html, "data-resource=\"[^\"]+\">\n<td class=\"name\">.*</td>\n<td><span class=\"badge access-read\">read</span></td>").Count);
        Assert.Equal(2, Regex.Matches(html, "data-prompt=\"[^\"]+\">\n<td class=\"name\">.*</td>\n<td><span class=\"badge access-read\">read</span></td>").Count);
        Assert.Contains("<li><code>change</code> <span class=\"badge required\">required</span> <span class=\"argument-description\">The change to review.</span></li>", html);
        Assert.Contains("<li><code>change</code> <span class=\"badge optional\">optional</span> <span class=\"argument-description\">The change to review.</span></li>", html);
        Assert.Contains("<li><code>tone</code> <span class=\"badge optional\">optional</span></li>", html);
        Assert.Contains("<td class=\"granted-by\"><code>default-read</code></td>", html);
    }

    [Fact]
    public async Task Changes_to_resources_and_prompts_are_listed_at_the_top_and_under_their_rows()
    {
        var html = await ReviewChangedAsync();

        Assert.Matches("<tr class=\"change risk-high\"><td><span class=\"badge risk-high\">high</span></td><td><code>resource:handbook</code></td><td>description-changed</td>", html);
        Assert.Matches("<tr class=\"change risk-low\">.*<code>resource:ticket</code></td><td>resource-removed</td>", html);
        Assert.Matches("<tr class=\"change risk-medium\">.*<code>prompt:summarize</code></td><td>prompt-added</td>", html);
        Assert.Matches("<tr class=\"change risk-medium\">.*<code>prompt:review_change</code></td><td>prompt-arguments-changed</td><td>argument &quot;change&quot; no longer required</td>", html);
        Assert.Matches("<tr class=\"entry-changes\" data-resource=\"handbook\"><td colspan=\"6\"><ul><li class=\"risk-high\"><span class=\"badge risk-high\">high</span> description changed", html);
        Assert.Matches("<tr class=\"entry-changes\" data-prompt=\"review_change\"><td colspan=\"5\"><ul><li class=\"risk-medium\">", html);
    }

    [Fact]
    public async Task Resource_and_prompt_text_is_escaped_and_hidden_characters_are_shown()
    {
        var html = await ReviewChangedAsync();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("The handbook. &lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;<mark class=\"hidden-char\" title=\"hidden character\">\\u{200b}</mark>Hidden", html);
        Assert.DoesNotContain('\u200b', html);
        Assert.Contains("Contains hidden characters (marked): check for poisoning.", html);
    }

    [Fact]
    public async Task A_tool_only_manifest_has_no_resource_or_prompt_tables()
    {
        TestManifest.Write(TestManifest.Standard(), _folder.Combine(ManifestFiles.ManifestFileName));

        var run = (await CliRun.RunAsync("manifest", "review", _folder.Path, "--out", ReviewPath)).EnsureSuccess();

        var html = File.ReadAllText(ReviewPath);
        Assert.Contains($"Wrote {ReviewPath}: 3 tools;", run.Stdout);
        Assert.DoesNotContain("id=\"resources\"", html);
        Assert.DoesNotContain("id=\"prompts\"", html);
        Assert.DoesNotContain("<dt>Resources</dt>", html);
    }
}
