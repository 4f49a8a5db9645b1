using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;

namespace McpPlatform.Generators.Tests;

public sealed class GeneratedSourceSnapshotTests
{
    [Fact]
    public void Representative_tool_set_generates_the_expected_catalog()
    {
        var run = GeneratorHarness.Run(IssueTrackerSample.Model, IssueTrackerSample.Tools);

        Assert.Empty(run.Diagnostics);
        Snapshot.Matches(run.GeneratedSource, "IssueTrackerCatalog.g.cs");
    }

    [Fact]
    public void Generated_source_does_not_depend_on_declaration_order()
    {
        var forward = GeneratorHarness.Run(IssueTrackerSample.Model, IssueTrackerSample.Tools);
        var backward = GeneratorHarness.Run(IssueTrackerSample.Tools, IssueTrackerSample.Model);

        Assert.Equal(forward.GeneratedSource, backward.GeneratedSource);
    }
}
