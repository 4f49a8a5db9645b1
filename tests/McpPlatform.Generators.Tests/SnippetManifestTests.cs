using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Generators.Tests;

/// <summary>
/// Snippets in the governance manifest: the build's description goes through the generator into mcp-manifest.json,
/// read back and verified by the governance core's reader; policy applies to them as to any tool; a changed script, a new
/// snippet and a raised class show in <c>manifest diff</c>.
/// </summary>
public sealed class SnippetManifestTests
{
    [Fact]
    public void Each_snippet_is_a_tool_in_the_snippets_tool_set_pinned_by_its_script_hash()
    {
        var text = SnippetInputs.Text("ticket_summary");
        var run = Run(text);

        Assert.Empty(run.Diagnostics);
        var manifest = ManifestDocument.Parse(run.ManifestText(), "mcp-manifest.json");
        var tool = manifest.FindTool("snippet_ticket_summary")!;
        Assert.Equal(("snippets", ToolAccess.Read), (tool.ToolSet, tool.Access));
        Assert.Equal(["default-read"], tool.GrantedBy);
        Assert.Equal(new ManifestSnippet("ticket_summary", SnippetInputs.Parse(text).ScriptHash), tool.Snippet);
        Assert.Equal(CanonicalJson.Sha256(tool.InputSchema), tool.InputSchemaHash);
        Assert.Equal("snippet_ticket_summary", tool.CodeMode.Name);
        Assert.Null(manifest.FindTool("issues.search")!.Snippet);
        Assert.Contains("      \"snippet\": { \"name\": \"ticket_summary\", \"scriptHash\": \"sha256:", run.ManifestText());
    }

    [Fact]
    public void Policy_rules_grant_snippets_by_tool_set_like_other_tools()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), GeneratorInputs.Default
            .WithAppSettings("""{ "McpPlatform": { "Policy": { "Rules": [ { "Name": "snippet-runners", "Tools": [ "snippets/*" ], "Access": [ "Write" ], "Groups": [ "ops" ] } ] } } }""")
            .WithSnippets(SnippetInputs.Text("close_ticket", access: "write")));

        var manifest = ManifestDocument.Parse(run.ManifestText(), "mcp-manifest.json");
        Assert.Equal(["snippet-runners"], manifest.FindTool("snippet_close_ticket")!.GrantedBy);
    }

    [Fact]
    public void The_diff_reports_a_changed_script_a_new_snippet_and_a_raised_class()
    {
        var approved = Parse(Run(SnippetInputs.Text("ticket_summary"), SnippetInputs.Text("ticket_title")));
        var current = Parse(Run(
            SnippetInputs.Text("ticket_summary", body: "await codemode.close_ticket({ key }); return 'closed';"),
            SnippetInputs.Text("ticket_title", access: "write"),
            SnippetInputs.Text("ticket_owner")));

        var diff = ManifestDiff.Compare(approved, current);

        Assert.True(diff.RequiresApproval);
        var changed = Assert.Single(diff.ForTool("snippet_ticket_summary"));
        Assert.Equal((ManifestChangeKind.SnippetChanged, ManifestRisk.High, "snippet-changed"), (changed.Kind, changed.Risk, changed.KindName));
        Assert.Contains("snippet \"ticket_summary\" script changed (sha256:", changed.Message, StringComparison.Ordinal);
        var added = Assert.Single(diff.ForTool("snippet_ticket_owner"));
        Assert.Equal(ManifestChangeKind.ToolAdded, added.Kind);
        Assert.Contains("new read tool, runs snippet \"ticket_owner\" (sha256:", added.Message, StringComparison.Ordinal);
        var raised = diff.ForTool("snippet_ticket_title").ToList();
        Assert.Contains(raised, c => c.Kind == ManifestChangeKind.AccessWidened);
        Assert.Contains(raised, c => c.Kind == ManifestChangeKind.SnippetChanged);
    }

    [Fact]
    public void The_same_snippets_give_the_same_manifest()
    {
        Assert.True(ManifestDiff.Compare(Parse(Run(SnippetInputs.Text("a"))), Parse(Run(SnippetInputs.Text("a")))).Identical);
    }

    [Fact]
    public void A_snippet_named_like_a_generated_tool_is_an_error()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile(GovernanceSample.Sources.Append("""
                using McpPlatform;
                public static class Clash
                {
                    /// <summary>Clashes with a snippet.</summary>
                    /// <param name="key">The key.</param>
                    [McpTool("snippet_a", Access = ToolAccess.Read)]
                    public static string Get(string key) => key;
                }
                """).ToArray()),
            GeneratorInputs.Default.WithSnippets(SnippetInputs.Text("a")));

        Assert.Contains(run.Diagnostics, d => d.Id == "MCPP035" && d.GetMessage().Contains("'snippet_a'", StringComparison.Ordinal));
    }

    internal static GeneratorRun Run(params string[] snippets) =>
        GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), GeneratorInputs.Default.WithSnippets(snippets));

    private static ManifestDocument Parse(GeneratorRun run) => ManifestDocument.Parse(run.ManifestText(), "mcp-manifest.json");
}
