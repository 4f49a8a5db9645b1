using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>What the caching tests do between two generator runs: edit one file, then read a tracked step's outputs.</summary>
internal static class IncrementalSteps
{
    /// <summary>The compilation with its file at <paramref name="index"/> replaced by <paramref name="text"/> (same path and options).</summary>
    public static CSharpCompilation ReplaceFile(CSharpCompilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees[index];
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)old.Options, old.FilePath));
    }

    /// <summary>Every output of the tracked step <paramref name="step"/> with why it was produced (cached, unchanged, modified...).</summary>
    public static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"step {step} was not tracked");
        return runs.SelectMany(s => s.Outputs).ToList();
    }

    /// <summary>Every output of the generator's source-producing steps (what it adds to the compilation), with why it was produced.</summary>
    public static List<(object Value, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs).ToList();

    /// <summary>Asserts that every one of <paramref name="outputs"/> was reused (cached or unchanged); <paramref name="what"/> names them on failure.</summary>
    public static void AssertReused(IEnumerable<(object Value, IncrementalStepRunReason Reason)> outputs, string what) =>
        Assert.All(outputs, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{what} was {output.Reason}"));
}
