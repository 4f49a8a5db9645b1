using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Governance.Tools;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static McpPlatform.Generators.Tests.Harness.IncrementalSteps;
using Steps = McpPlatform.Generators.McpToolGenerator.Steps;

namespace McpPlatform.Generators.Tests;

/// <summary>
/// <c>[McpTool(Revert = nameof(...))]</c>: the generator checks the inverse (MCPP031-033), fills the inverse's arguments by name
/// from the original's arguments, then its result's top-level properties, and records the relation in the manifest and descriptor.
/// </summary>
public sealed class RevertTests
{
    private const string Issues = """
        public sealed record Issue(string Id, string Title, string Project);

        public static class Issues
        {
            /// <summary>Opens an issue.</summary>
            /// <param name="project">The project.</param>
            /// <param name="title">The title.</param>
            [McpTool(Access = ToolAccess.Write, Revert = nameof(DeleteIssue))]
            public static Issue CreateIssue(string project, string title) => new("I-1", title, project);

            /// <summary>Deletes an issue.</summary>
            /// <param name="project">The project.</param>
            /// <param name="id">The issue.</param>
            /// <param name="reason">Why, for the history.</param>
            [McpTool(Access = ToolAccess.Destructive)]
            public static string DeleteIssue(string project, string id, string? reason = null) => "deleted " + id;
        }
        """;

    [Fact]
    public void Inverse_arguments_are_filled_from_the_arguments_then_the_result_and_recorded_in_the_manifest()
    {
        var run = GeneratorHarness.Run(ToolSource.Of(Issues));

        Assert.Empty(run.Diagnostics);
        var revert = run.ManifestTool("create_issue")["revert"]!;
        Assert.Equal("""{"tool":"delete_issue","from":{"id":"result","project":"argument"}}""", revert.ToJsonString());
        Assert.Null(run.ManifestTool("delete_issue")["revert"]);
    }

    [Fact]
    public void The_generated_descriptor_carries_the_inverse_and_its_argument_sources()
    {
        var catalog = GeneratorHarness.Run(ToolSource.Of(Issues)).LoadCatalog();

        Assert.True(catalog.TryGet("create_issue", out var create));
        Assert.Equal("delete_issue", create.Descriptor.Revert!.Tool);
        Assert.Equal(
            [new ToolRevertArgument("id", ToolRevertSource.Result), new ToolRevertArgument("project", ToolRevertSource.Argument)],
            create.Descriptor.Revert.Arguments);
        Assert.True(catalog.TryGet("delete_issue", out var delete));
        Assert.Null(delete.Descriptor.Revert);
    }

    [Fact]
    public void MCPP031_an_inverse_that_is_not_a_tool_of_the_class_is_an_error()
    {
        var run = GeneratorHarness.Run(ToolSource.Of(Issues.Replace("nameof(DeleteIssue)", "\"Archive\"", StringComparison.Ordinal)));

        DiagnosticAssert.Reported(run, "MCPP031", DiagnosticSeverity.Error, "'create_issue'", "\"Archive\"", "'Sample.Issues'");
        Assert.Null(run.ManifestTool("create_issue")["revert"]);
    }

    [Fact]
    public void MCPP032_a_required_inverse_argument_found_in_neither_arguments_nor_result_is_an_error()
    {
        var run = GeneratorHarness.Run(ToolSource.Of(Issues.Replace("string? reason = null", "string reason", StringComparison.Ordinal)));

        DiagnosticAssert.Reported(run, "MCPP032", DiagnosticSeverity.Error, "'create_issue'", "'delete_issue'", "'reason'");
    }

    [Fact]
    public void MCPP032_a_scalar_result_has_no_properties_to_fill_from()
    {
        var run = GeneratorHarness.Run(ToolSource.Of(Issues.Replace("public static Issue CreateIssue(string project, string title) => new(\"I-1\", title, project);",
            "public static string CreateIssue(string project, string title) => \"I-1\";", StringComparison.Ordinal)));

        DiagnosticAssert.Reported(run, "MCPP032", DiagnosticSeverity.Error, "'id'");
    }

    [Fact]
    public void MCPP033_a_read_tool_with_a_revert_is_warned_and_the_revert_ignored()
    {
        var run = GeneratorHarness.Run(ToolSource.Of(Issues.Replace("Access = ToolAccess.Write, Revert", "Access = ToolAccess.Read, Revert", StringComparison.Ordinal)));

        DiagnosticAssert.Reported(run, "MCPP033", DiagnosticSeverity.Warning, "'create_issue'", "\"DeleteIssue\"");
        Assert.Null(run.ManifestTool("create_issue")["revert"]);
    }

    [Fact]
    public void Declaring_a_revert_changes_the_manifest_hash()
    {
        var with = GeneratorHarness.Run(ToolSource.Of(Issues)).Manifest()["hash"]!.GetValue<string>();
        var without = GeneratorHarness.Run(ToolSource.Of(Issues.Replace(", Revert = nameof(DeleteIssue)", string.Empty, StringComparison.Ordinal))).Manifest()["hash"]!.GetValue<string>();

        Assert.NotEqual(with, without);
    }

    [Fact]
    public void Running_again_reuses_the_cached_tools_and_catalog_and_changing_the_revert_regenerates_them()
    {
        var compilation = GeneratorHarness.Compile(ToolSource.Of(Issues));
        var driver = GeneratorHarness.CreateDriver(compilation, trackSteps: true).RunGenerators(compilation);

        var again = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        AssertReused(Outputs(again, Steps.Tools), "tools");
        AssertReused(Outputs(again, Steps.Catalog), "catalog");
        Assert.All(Outputs(again, Steps.Tools), output => Assert.Empty(PipelineValues.FindCompilerObjects(output.Value)));

        var edited = ReplaceFile(compilation, 0, ToolSource.Of(Issues.Replace(", Revert = nameof(DeleteIssue)", string.Empty, StringComparison.Ordinal)));
        var run = driver.RunGenerators(edited).GetRunResult();
        Assert.Contains(Outputs(run.Results.Single(), Steps.Tools), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(Outputs(run.Results.Single(), Steps.Catalog), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.DoesNotContain("ToolRevert", Assert.Single(run.GeneratedTrees).ToString(), StringComparison.Ordinal);
    }
}
