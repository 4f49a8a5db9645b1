using System.Collections.Immutable;
using System.Reflection;
using McpPlatform.Hosting.Tools;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace McpPlatform.Generator.Bench;

/// <summary>
/// The LargeApi fixture's sources and references, ready to become a fresh compilation. Each
/// compilation is parsed anew from the file texts so no syntax or symbol state computed by an
/// earlier round makes a later cold run cheaper.
/// </summary>
public sealed class Fixture
{
    /// <summary>What `ImplicitUsings` adds to a Microsoft.NET.Sdk project such as the fixture (its obj/ GlobalUsings.g.cs).</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private Fixture(string directory, ImmutableArray<(string Path, SourceText Text)> sources, ImmutableArray<MetadataReference> references)
    {
        Directory = directory;
        Sources = sources;
        References = references;
    }

    public string Directory { get; }

    /// <summary>Every compiled file of the fixture (as its csproj compiles them) plus the implicit global usings.</summary>
    public ImmutableArray<(string Path, SourceText Text)> Sources { get; }

    public ImmutableArray<MetadataReference> References { get; }

    /// <summary>The fixture folder baked in at build time (see the csproj), or <paramref name="overrideDirectory"/>.</summary>
    public static Fixture Load(string? overrideDirectory)
    {
        var directory = overrideDirectory ?? typeof(Fixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FixtureDirectory").Value!;
        directory = Path.GetFullPath(directory);
        var separator = Path.DirectorySeparatorChar;
        var files = System.IO.Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
                && !path.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                && Path.GetFileName(path) != "Generate.cs") // excluded by the fixture's csproj: a file-based app of its own
            .Order(StringComparer.Ordinal)
            .Select(path => (path, SourceText.From(File.ReadAllText(path))))
            .Append((Path.Combine(directory, "obj", "GlobalUsings.g.cs"), SourceText.From(ImplicitUsings)))
            .ToImmutableArray();
        return new Fixture(directory, files, LoadReferences());
    }

    /// <summary>A fresh compilation of the fixture, every file parsed again.</summary>
    public CSharpCompilation Compile() =>
        CSharpCompilation.Create(
            "McpPlatform.Fixtures.LargeApi",
            Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The index of the file named <paramref name="fileName"/> in <see cref="Sources"/> (and in every compilation's syntax trees).</summary>
    public int IndexOf(string fileName) =>
        Sources.Select((s, i) => (s, i)).Single(x => Path.GetFileName(x.s.Path) == fileName).i;

    /// <summary>
    /// The same closure the fixture compiles against: this process's framework assemblies (Microsoft.NETCore.App
    /// and, through Hosting, Microsoft.AspNetCore.App) and Hosting with its packages, as the generator tests load them.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var self = typeof(Fixture).Assembly.Location;
        return trusted.Append(typeof(GeneratedMcpTool).Assembly.Location)
            .Where(path => !string.Equals(path, self, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
