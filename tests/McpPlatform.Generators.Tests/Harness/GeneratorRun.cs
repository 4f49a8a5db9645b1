using System.Collections.Immutable;
using System.Runtime.Loader;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>The outcome of one generator run: what it reported, what it emitted, and the compilation with it.</summary>
internal sealed class GeneratorRun(Compilation output, ImmutableArray<Diagnostic> diagnostics, GeneratorDriverRunResult result)
{
    /// <summary>The input compilation plus the generated source.</summary>
    public Compilation Output { get; } = output;

    /// <summary>What the generator itself reported (MCPP diagnostics).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;

    public GeneratorDriverRunResult Result { get; } = result;

    public bool HasGeneratedSource => Result.GeneratedTrees.Length > 0;

    /// <summary>The generated catalog source; the generator emits exactly one file.</summary>
    public string GeneratedSource => Assert.Single(Result.GeneratedTrees).ToString();

    /// <summary>Warnings and errors of the compilation that includes the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Emits the compilation, loads it into a collectible context and returns its generated catalog.</summary>
    public McpToolCatalog LoadCatalog()
    {
        using var image = new MemoryStream();
        var emit = Output.Emit(image);
        Assert.True(emit.Success, "Generated code did not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var context = new AssemblyLoadContext(Output.AssemblyName, isCollectible: true);
        var assembly = context.LoadFromStream(image);
        var catalogType = assembly.GetType("McpPlatform.Generated.GeneratedMcpToolCatalog", throwOnError: true)!;
        return (McpToolCatalog)catalogType.GetProperty("Instance")!.GetValue(null)!;
    }

    /// <summary>The one generated tool with this name.</summary>
    public GeneratedMcpTool LoadTool(string name) => Assert.IsAssignableFrom<GeneratedMcpTool>(Assert.Single(LoadCatalog().Tools, t => t.Descriptor.Name == name));
}
