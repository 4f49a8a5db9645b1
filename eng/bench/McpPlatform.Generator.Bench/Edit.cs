using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpPlatform.Generator.Bench;

/// <summary>One edit a developer makes between two builds: a change to one file of the fixture.</summary>
/// <param name="Name">What the edit does, as printed.</param>
/// <param name="FileName">The fixture file it changes.</param>
/// <param name="ExpectReused">
/// True when the generator must reuse its cached output, false when it must emit again (a tool changed),
/// null when the bench only reports what happens.
/// </param>
/// <param name="Apply">The file's new text from its old text.</param>
public sealed record Edit(string Name, string FileName, bool? ExpectReused, Func<string, string> Apply)
{
    /// <summary>The edits measured: two that touch no tool, one that moves tools without changing them, one that changes a tool.</summary>
    public static IReadOnlyList<Edit> All { get; } =
    [
        new("non-tool class added to Resources/Shared.cs", "Shared.cs", ExpectReused: true,
            text => text + "\ninternal sealed class AddedByTheBench\n{\n    public int Ticks() => 1;\n}\n"),
        new("comment added at the end of a tools file (BudgetTools.cs)", "BudgetTools.cs", ExpectReused: true,
            text => text + "\n// Added by the bench: no tool moves.\n"),
        // Tool models carry their source span (for diagnostics), so a line above a tool changes its model.
        new("line added above the tools of BudgetTools.cs (tools move)", "BudgetTools.cs", ExpectReused: null,
            text => Replace(text, "    private static Budget Sample(", "    // Added by the bench: every tool below moves one line.\n    private static Budget Sample(")),
        new("one tool's description edited (BudgetTools.ListBudgets)", "BudgetTools.cs", ExpectReused: false,
            text => Replace(text, "Lists the budgets in a project,", "Lists every budget in a project,")),
    ];

    /// <summary><paramref name="compilation"/> with this edit applied to its file (same path and parse options).</summary>
    public CSharpCompilation ApplyTo(CSharpCompilation compilation, Fixture fixture)
    {
        var old = compilation.SyntaxTrees[fixture.IndexOf(FileName)];
        var edited = CSharpSyntaxTree.ParseText(Apply(old.GetText().ToString()), (CSharpParseOptions)old.Options, old.FilePath);
        return compilation.ReplaceSyntaxTree(old, edited);
    }

    private static string Replace(string text, string oldValue, string newValue) =>
        text.Contains(oldValue, StringComparison.Ordinal)
            ? text.Replace(oldValue, newValue, StringComparison.Ordinal)
            : throw new InvalidOperationException($"The fixture no longer contains '{oldValue}'; update the bench's edit.");
}
