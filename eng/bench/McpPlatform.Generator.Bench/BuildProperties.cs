using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace McpPlatform.Generator.Bench;

/// <summary>The compiler-visible MSBuild properties (<c>build_property.*</c>) the generator reads, as the fixture's build passes them.</summary>
public sealed class BuildProperties(ImmutableDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
{
    private static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

    private readonly Options _global = new(properties.ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value));

    /// <summary>The fixture's AssemblyName and Version (the repository's Directory.Build.props version).</summary>
    public static BuildProperties Fixture { get; } = new(ImmutableDictionary<string, string>.Empty
        .Add("AssemblyName", "McpPlatform.Fixtures.LargeApi")
        .Add("Version", "0.1.0-dev"));

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
