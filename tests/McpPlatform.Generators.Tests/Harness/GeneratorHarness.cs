using System.Collections.Immutable;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>
/// Compiles test sources against the real platform assemblies (this test run's framework,
/// Abstractions, Hosting, ModelContextProtocol) and runs <see cref="McpToolGenerator"/> over them.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>A nullable-enabled library compilation at the strictest warning level, one file per source.</summary>
    public static CSharpCompilation Compile(params string[] sources) => Compile(ParseOptions, sources);

    public static CSharpCompilation Compile(CSharpParseOptions parseOptions, params string[] sources)
    {
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{i}.cs"));
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999);
        return CSharpCompilation.Create("Sample" + Guid.NewGuid().ToString("N"), trees, References.Value, options);
    }

    /// <summary>Runs the generator once over the sources.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources));

    public static GeneratorRun Run(CSharpCompilation compilation, GeneratorInputs? inputs = null)
    {
        var driver = CreateDriver(compilation, trackSteps: false, inputs)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(output, diagnostics, driver.GetRunResult());
    }

    /// <summary>A driver for the generator; with <paramref name="trackSteps"/> it records every pipeline step.</summary>
    public static GeneratorDriver CreateDriver(CSharpCompilation compilation, bool trackSteps, GeneratorInputs? inputs = null)
    {
        inputs ??= GeneratorInputs.Default;
        return CSharpGeneratorDriver.Create(
            [new McpToolGenerator().AsSourceGenerator()],
            additionalTexts: inputs.AdditionalFiles,
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            optionsProvider: inputs.OptionsProvider(),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var platform = new[]
        {
            typeof(ToolAccess).Assembly.Location,
            typeof(GeneratedMcpTool).Assembly.Location,
            typeof(McpServer).Assembly.Location,
            typeof(McpServerBuilderExtensions).Assembly.Location,
            typeof(HttpMcpServerBuilderExtensions).Assembly.Location,
        };
        var self = typeof(GeneratorHarness).Assembly.Location;
        return trusted.Concat(platform)
            .Where(path => !string.Equals(path, self, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
