using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpPlatform.Build.Tests;

/// <summary>Compiles C# source to a real assembly file with Roslyn, as the server's build would.</summary>
internal static class CompiledAssembly
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetFileName(path) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    /// <summary>Writes <paramref name="source"/> compiled as a library to <paramref name="path"/>.</summary>
    public static string Write(string path, string source)
    {
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            [CSharpSyntaxTree.ParseText(source)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        using var output = File.Create(path);
        var result = compilation.Emit(output);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return path;
    }

    /// <summary>The source of an assembly carrying <c>[assembly: AssemblyMetadata(key, value)]</c> for each pair.</summary>
    public static string WithMetadata(params (string Key, string? Value)[] entries) =>
        string.Concat(entries.Select(e =>
            $"[assembly: System.Reflection.AssemblyMetadata({SymbolDisplay.FormatLiteral(e.Key, quote: true)}, {(e.Value is null ? "null" : SymbolDisplay.FormatLiteral(e.Value, quote: true))})]\n"))
        + "public static class Marker { }\n";
}
