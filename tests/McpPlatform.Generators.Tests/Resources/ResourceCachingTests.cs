using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static McpPlatform.Generators.Tests.Harness.IncrementalSteps;
using Steps = McpPlatform.Generators.McpToolGenerator.Steps;

namespace McpPlatform.Generators.Tests.Resources;

/// <summary>The resource, prompt and completion steps are cached like the tool step: their models are plain, equatable data.</summary>
public sealed class ResourceCachingTests
{
    private const string UnrelatedFile = """
        namespace Sample;

        public static class Numbers
        {
            public static int One() => 1;
        }
        """;

    private static readonly string[] MemberSteps = [Steps.Resources, Steps.Prompts, Steps.Completions];

    [Fact]
    public void Editing_a_file_without_resources_reuses_the_resource_prompt_and_completion_steps_and_the_output()
    {
        var (driver, compilation) = RunOnce();

        var result = driver.RunGenerators(ReplaceFile(compilation, 1, UnrelatedFile.Replace("=> 1", "=> 2", StringComparison.Ordinal))).GetRunResult().Results.Single();

        foreach (var step in MemberSteps)
        {
            AssertReused(Outputs(result, step), $"{step} output");
        }

        AssertReused(SourceOutputs(result), "source output");
    }

    [Fact]
    public void Editing_a_resource_description_regenerates_the_resource_catalog()
    {
        var (driver, compilation) = RunOnce();

        var edited = ReplaceFile(compilation, 0, ResourceSample.Source.Replace("The company logo.", "The new logo.", StringComparison.Ordinal));
        var run = driver.RunGenerators(edited).GetRunResult();

        Assert.Contains(Outputs(run.Results.Single(), Steps.Resources), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("The new logo.", run.GeneratedTrees.Single(t => t.FilePath.EndsWith(ResourceRun.HintName, StringComparison.Ordinal)).ToString());
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce()
    {
        var compilation = GeneratorHarness.Compile(ResourceSample.Source, UnrelatedFile);
        var driver = GeneratorHarness.CreateDriver(compilation, trackSteps: true).RunGenerators(compilation);
        return (driver, compilation);
    }

}
