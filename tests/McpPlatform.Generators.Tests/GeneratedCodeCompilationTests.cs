using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;

namespace McpPlatform.Generators.Tests;

/// <summary>The emitted code compiles with nullable enabled and no warnings at the strictest warning level.</summary>
public sealed class GeneratedCodeCompilationTests
{
    public static TheoryData<string, string[]> Samples => new()
    {
        { "issue tracker", [IssueTrackerSample.Model, IssueTrackerSample.Tools] },
        { "shape variety", [ShapeVarietySample.Types, ShapeVarietySample.Tools] },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Generated_code_compiles_without_warnings(string sample, string[] sources)
    {
        var run = GeneratorHarness.Run(sources);

        Assert.True(run.Diagnostics.IsEmpty, $"{sample}: generator reported {string.Join("\n", run.Diagnostics)}");
        Assert.True(run.HasGeneratedSource);
        Assert.True(run.CompilationProblems.Count == 0, $"{sample}:\n{string.Join("\n", run.CompilationProblems)}");
    }

    [Fact]
    public void Every_tool_of_the_variety_sample_is_in_the_catalog()
    {
        var catalog = GeneratorHarness.Run(ShapeVarietySample.Types, ShapeVarietySample.Tools).LoadCatalog();

        var declared = ShapeVarietySample.Tools.Split("[McpTool(").Length - 1;
        Assert.Equal(declared, catalog.Tools.Count);
    }

    [Fact]
    public void Without_a_hosting_reference_nothing_is_emitted_and_diagnostics_still_arrive()
    {
        var compilation = GeneratorHarness.Compile(ToolSource.Of("""
            public static class Tools
            {
                [McpTool]
                public static string Ping() => "pong";
            }
            """));
        var withoutHosting = compilation.RemoveReferences(
            compilation.References.Where(r => r.Display?.EndsWith("McpPlatform.Hosting.dll", StringComparison.Ordinal) == true));

        var run = GeneratorHarness.Run(withoutHosting);

        Assert.False(run.HasGeneratedSource);
        Assert.Contains(run.Diagnostics, d => d.Id == "MCPP004");
    }
}
