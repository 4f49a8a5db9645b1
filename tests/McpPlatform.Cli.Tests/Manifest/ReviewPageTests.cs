using System.Text.RegularExpressions;
using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Cli.Tests.Manifest;

public sealed class ReviewPageTests : IDisposable
{
    private const string Script = "<script>alert('pwned')</script>";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string ReviewPath => _folder.Combine("review.html");

    /// <summary>Approves the standard manifest, then changes it: a poisoned description, a new destructive tool, a removed tool.</summary>
    internal static async Task<string> WriteChangedProjectAndReviewAsync(TemporaryFolder folder, string reviewPath)
    {
        TestManifest.Write(TestManifest.Standard(), folder.Combine(ManifestFiles.ManifestFileName));
        (await CliRun.RunAsync("manifest", "approve", folder.Path, "--reviewer", "jane.doe@example.com")).EnsureSuccess();

        var changed = TestManifest.Standard();
        changed.Tool("issues_search")["description"] = $"Finds issues. {Script}\u202eHidden\u202c <img src=x onerror=alert(1)> & more";
        changed["tools"]!.AsArray().Add(TestManifest.Tool("projects_purge", "destructive"));
        changed["tools"]!.AsArray().Remove(changed.Tool("issues_create"));
        TestManifest.Write(TestManifest.Seal(changed), folder.Combine(ManifestFiles.ManifestFileName));

        (await CliRun.RunAsync("manifest", "review", folder.Path, "--out", reviewPath)).EnsureSuccess();
        return File.ReadAllText(reviewPath);
    }

    [Fact]
    public async Task The_page_has_a_row_per_tool_with_access_badges_scopes_grants_secrets_rules_and_code_mode_names()
    {
        var html = await WriteChangedProjectAndReviewAsync(_folder, ReviewPath);

        var rows = Regex.Matches(html, "<tr class=\"tool(?: [^\"]*)?\" data-tool=\"([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["issues_delete", "issues_search", "projects_purge", "issues_create"], rows); // the removed tool last
        Assert.Contains("<span class=\"badge access-read\">read</span>", html);
        Assert.Contains("<span class=\"badge access-destructive\">destructive</span>", html);
        Assert.Contains("<span class=\"badge access-write\">write</span>", html); // the removed write tool
        Assert.Contains("<td class=\"scopes\"><code>mcp:destructive</code> <code>mcp:read</code></td>", html);
        Assert.Contains("<td class=\"granted-by\"><code>editors</code></td>", html);
        Assert.Contains("<td class=\"secrets\"><code>jira-token</code></td>", html);
        Assert.Contains("<code>api-key</code> <span class=\"action action-block\">args block</span> <span class=\"action action-redact\">results redact</span>", html);
        Assert.Contains("<code>codemode.projects_purge</code>", html);
        Assert.Contains("<h1>Acme.Jira <span class=\"version\">1.0.0</span></h1>", html);
        Assert.Contains("enabled, default <code>tools</code>", html);
    }

    [Fact]
    public async Task The_diff_since_approval_is_at_the_top_and_on_each_changed_row()
    {
        var html = await WriteChangedProjectAndReviewAsync(_folder, ReviewPath);

        Assert.True(html.IndexOf("id=\"changes\"", StringComparison.Ordinal) < html.IndexOf("id=\"tools\"", StringComparison.Ordinal));
        Assert.Contains("changed since approval", html);
        Assert.Contains("last approval by jane.doe@example.com", html);
        Assert.Matches("<tr class=\"change risk-high\"><td><span class=\"badge risk-high\">high</span></td><td><code>issues_search</code></td><td>description-changed</td>", html);
        Assert.Matches("<tr class=\"change risk-high\">.*<code>projects_purge</code></td><td>tool-added</td>", html);
        Assert.Matches("<tr class=\"change risk-low\">.*<code>issues_create</code></td><td>tool-removed</td>", html);
        Assert.Contains("<tr class=\"tool changed risk-high\" data-tool=\"issues_search\">", html);
        Assert.Contains("<tr class=\"tool removed changed risk-low\" data-tool=\"issues_create\">", html);
        Assert.Contains("<tr class=\"tool\" data-tool=\"issues_delete\">", html); // unchanged: not highlighted
        Assert.Matches("<tr class=\"tool-changes\" data-tool=\"issues_search\"><td colspan=\"8\"><ul><li class=\"risk-high\">", html);
    }

    [Fact]
    public async Task Attacker_controlled_text_is_escaped_and_hidden_characters_are_shown()
    {
        var html = await WriteChangedProjectAndReviewAsync(_folder, ReviewPath);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Finds issues. &lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &amp; more", html);
        Assert.DoesNotContain('\u202e', html);
        Assert.Contains("<mark class=\"hidden-char\" title=\"hidden character\">\\u{202e}</mark>", html);
        Assert.Contains("Contains hidden characters", html);
    }

    [Fact]
    public async Task The_page_is_self_contained()
    {
        var html = await WriteChangedProjectAndReviewAsync(_folder, ReviewPath);

        Assert.DoesNotMatch("(?i)(src|href)\\s*=", html.Replace("src=x", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
        Assert.StartsWith("<!DOCTYPE html>", html);
    }

    [Fact]
    public async Task Without_an_approval_every_tool_is_new()
    {
        TestManifest.Write(TestManifest.Standard(), _folder.Combine(ManifestFiles.ManifestFileName));

        var run = (await CliRun.RunAsync("manifest", "review", "--manifest", _folder.Combine(ManifestFiles.ManifestFileName), "--approved", _folder.Path, "--out", ReviewPath)).EnsureSuccess();

        var html = File.ReadAllText(ReviewPath);
        Assert.Contains($"Wrote {ReviewPath}: 3 tools", run.Stdout);
        Assert.Contains("never approved", html);
        Assert.Contains("Not approved yet: everything is new", html);
        Assert.Equal(3, Regex.Matches(html, "<td>tool-added</td>").Count);
    }

    [Fact]
    public async Task Review_needs_an_output_file()
    {
        var run = await CliRun.RunAsync("manifest", "review", _folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out", run.Stderr);
    }
}
