using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>
/// What MSBuild passes the generator besides source: compiler-visible build properties
/// (<c>build_property.*</c>) and additional files such as appsettings.json.
/// </summary>
internal sealed record GeneratorInputs(ImmutableDictionary<string, string> BuildProperties, ImmutableArray<AdditionalText> AdditionalFiles)
{
    /// <summary>The path tests give the project's appsettings.json.</summary>
    public const string AppSettingsPath = "/project/appsettings.json";

    /// <summary>AssemblyName Sample.Server, Version 1.0.0, no additional files.</summary>
    public static GeneratorInputs Default { get; } = new(
        ImmutableDictionary<string, string>.Empty.Add("AssemblyName", "Sample.Server").Add("Version", "1.0.0"),
        []);

    /// <summary>No build properties at all, as when the package's props are not imported.</summary>
    public static GeneratorInputs None { get; } = new(ImmutableDictionary<string, string>.Empty, []);

    /// <summary>These inputs plus an appsettings.json with <paramref name="json"/>.</summary>
    public GeneratorInputs WithAppSettings(string json, string path = AppSettingsPath) =>
        this with { AdditionalFiles = AdditionalFiles.Add(new InMemoryAdditionalText(path, json)) };

    public AnalyzerConfigOptionsProvider OptionsProvider() =>
        new ConfigOptionsProvider(new Options(BuildProperties.ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value)));

    /// <summary>An additional file held in memory.</summary>
    public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class ConfigOptionsProvider(AnalyzerConfigOptions global) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
    }
}
