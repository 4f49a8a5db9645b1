using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static McpPlatform.Generators.Tests.Harness.IncrementalSteps;
using Steps = McpPlatform.Generators.McpToolGenerator.Steps;

namespace McpPlatform.Generators.Tests;

/// <summary>Unchanged input hits the generator cache; changed tool input does not; models hold no compiler objects.</summary>
public sealed class IncrementalCachingTests
{
    private const string UnrelatedFile = """
        namespace Sample.Other;

        public sealed class Clock
        {
            public int Ticks() => 1;
        }
        """;

    private const string AppSettings = """
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          "McpPlatform": { "Policy": { "DefaultRead": true } }
        }
        """;

    private static readonly string[] TrackedSteps = [Steps.Tools, Steps.HostingReferenced, Steps.Server, Steps.Config, Steps.Catalog];

    private static GeneratorInputs Inputs { get; } = GeneratorInputs.Default.WithAppSettings(AppSettings);

    [Fact]
    public void Editing_a_file_without_tools_reuses_every_cached_step_and_the_output()
    {
        var (driver, compilation) = RunOnce();

        var edited = ReplaceFile(compilation, 2, UnrelatedFile.Replace("=> 1", "=> 2") + "\npublic sealed class Added\n{\n}\n");
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            AssertReused(Outputs(result, step), $"{step} output");
        }

        AssertReused(SourceOutputs(result), "source output");
    }

    [Fact]
    public void Editing_a_tool_description_regenerates_the_catalog()
    {
        var (driver, compilation) = RunOnce();

        var edited = ReplaceFile(compilation, 1, IssueTrackerSample.Tools.Replace("Opens a new issue.", "Opens a fresh issue.", StringComparison.Ordinal));
        var run = driver.RunGenerators(edited).GetRunResult();
        var result = run.Results.Single();

        Assert.Contains(Outputs(result, Steps.Tools), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(Outputs(result, Steps.Catalog), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(SourceOutputs(result), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Opens a fresh issue.", Assert.Single(run.GeneratedTrees).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_record_a_tool_takes_in_another_file_regenerates_the_catalog()
    {
        var (driver, compilation) = RunOnce();

        var edited = ReplaceFile(compilation, 0, IssueTrackerSample.Model.Replace("The person's login name.", "The sign-in name.", StringComparison.Ordinal));
        var run = driver.RunGenerators(edited).GetRunResult();

        Assert.Contains(Outputs(run.Results.Single(), Steps.Tools), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("The sign-in name.", Assert.Single(run.GeneratedTrees).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Renaming_a_record_property_with_JsonPropertyName_regenerates_the_catalog()
    {
        var (driver, compilation) = RunOnce();

        var edited = ReplaceFile(compilation, 0, IssueTrackerSample.Model.Replace("record Person(string Login,", RenamedLogin, StringComparison.Ordinal));
        var run = driver.RunGenerators(edited).GetRunResult();

        Assert.Contains(Outputs(run.Results.Single(), Steps.Tools), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("\"user_name\"", Assert.Single(run.GeneratedTrees).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Running_again_with_json_attributes_on_records_reuses_every_cached_step()
    {
        var model = IssueTrackerSample.Model
            .Replace("record Person(string Login,", RenamedLogin, StringComparison.Ordinal)
            .Replace("IReadOnlyList<string> Labels, Person? Assignee)", "IReadOnlyList<string> Labels, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Person? Assignee)", StringComparison.Ordinal);
        var (driver, compilation) = RunOnce(model);
        Assert.Contains("if (value.Assignee is not null)", Assert.Single(driver.GetRunResult().GeneratedTrees).ToString(), StringComparison.Ordinal);

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            AssertReused(Outputs(result, step), $"{step} output");
            Assert.All(Outputs(result, step), output => Assert.Empty(PipelineValues.FindCompilerObjects(output.Value)));
        }
    }

    private const string RenamedLogin = "record Person([property: System.Text.Json.Serialization.JsonPropertyName(\"user_name\")] string Login,";

    [Fact]
    public void Cached_pipeline_values_hold_no_symbols_syntax_or_compilations()
    {
        var (driver, _) = RunOnce();
        var result = driver.GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            var outputs = Outputs(result, step);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.Empty(PipelineValues.FindCompilerObjects(output.Value)));
        }
    }

    [Fact]
    public void Compiler_object_finder_sees_a_symbol_nested_in_a_value()
    {
        var symbol = GeneratorHarness.Compile(UnrelatedFile).GetTypeByMetadataName("Sample.Other.Clock");

        var found = PipelineValues.FindCompilerObjects((1, new[] { "a" }, new List<object?> { symbol }));

        Assert.StartsWith("value.Item3[0]: ", Assert.Single(found), StringComparison.Ordinal);
    }

    [Fact]
    public void Running_again_on_the_same_input_reuses_every_cached_step()
    {
        var (driver, compilation) = RunOnce();

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            AssertReused(Outputs(result, step), $"{step} output");
        }
    }

    [Fact]
    public void Editing_the_policy_in_appsettings_regenerates_the_manifest()
    {
        var (driver, compilation) = RunOnce();
        var before = Assert.Single(driver.GetRunResult().GeneratedTrees).ToString();

        var edited = driver.ReplaceAdditionalText(
            Inputs.AdditionalFiles[0],
            new GeneratorInputs.InMemoryAdditionalText(GeneratorInputs.AppSettingsPath, AppSettings.Replace("\"DefaultRead\": true", "\"DefaultRead\": false", StringComparison.Ordinal)));
        var run = edited.RunGenerators(compilation).GetRunResult();
        var result = run.Results.Single();

        Assert.Contains(Outputs(result, Steps.Config), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(Outputs(result, Steps.Catalog), o => o.Reason == IncrementalStepRunReason.Modified);
        AssertReused(Outputs(result, Steps.Tools), "tools output");
        var after = Assert.Single(run.GeneratedTrees).ToString();
        Assert.Contains("\"\"default-read\"\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("\"\"default-read\"\"", after, StringComparison.Ordinal);
        Assert.NotEqual(ManifestHash(before), ManifestHash(after));
    }

    [Fact]
    public void Editing_appsettings_outside_the_governance_settings_keeps_the_output()
    {
        var (driver, compilation) = RunOnce();

        var edited = driver.ReplaceAdditionalText(
            Inputs.AdditionalFiles[0],
            new GeneratorInputs.InMemoryAdditionalText(GeneratorInputs.AppSettingsPath, AppSettings.Replace("Information", "Warning", StringComparison.Ordinal)));
        var result = edited.RunGenerators(compilation).GetRunResult().Results.Single();

        AssertReused(Outputs(result, Steps.Config), "config");
        AssertReused(Outputs(result, Steps.Catalog), "catalog");
        AssertReused(SourceOutputs(result), "source output");
    }

    [Fact]
    public void Changing_the_version_property_regenerates_the_manifest()
    {
        var (driver, compilation) = RunOnce();

        var changed = driver.WithUpdatedAnalyzerConfigOptions(
            (Inputs with { BuildProperties = Inputs.BuildProperties.SetItem("Version", "2.0.0") }).OptionsProvider());
        var run = changed.RunGenerators(compilation).GetRunResult();

        Assert.Contains(Outputs(run.Results.Single(), Steps.Server), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("\"\"version\"\": \"\"2.0.0\"\"", Assert.Single(run.GeneratedTrees).ToString(), StringComparison.Ordinal);
    }

    /// <summary>The ManifestHash line of the generated catalog.</summary>
    private static string ManifestHash(string generated) =>
        generated.Split('\n').Single(l => l.TrimStart().StartsWith("ManifestHash = ", StringComparison.Ordinal));

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce(string model = IssueTrackerSample.Model)
    {
        var compilation = GeneratorHarness.Compile(model, IssueTrackerSample.Tools, UnrelatedFile);
        var driver = GeneratorHarness.CreateDriver(compilation, trackSteps: true, Inputs).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        return (driver, compilation);
    }
}
