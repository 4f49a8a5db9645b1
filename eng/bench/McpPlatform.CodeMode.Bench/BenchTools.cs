namespace McpPlatform.CodeMode.Bench;

/// <summary>An issue as <see cref="BenchTools.GetIssue"/> returns it.</summary>
/// <param name="Key">The issue key.</param>
/// <param name="Title">The title.</param>
/// <param name="Status">Open or Closed.</param>
/// <param name="Priority">0 (low) to 4 (high).</param>
public sealed record Issue(string Key, string Title, string Status, int Priority);

/// <summary>The tools both sides call: cheap in-memory work, so the benchmark measures the plumbing.</summary>
[McpToolSet("CodeModeBench")]
public static class BenchTools
{
    private static readonly Issue[] Issues = Enumerable.Range(1, 50)
        .Select(i => new Issue($"ACME-{i}", $"Issue number {i}", i % 3 == 0 ? "Closed" : "Open", i % 5))
        .ToArray();

    /// <summary>Gets one issue by key.</summary>
    /// <param name="key">The issue key, e.g. ACME-1.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static Issue GetIssue(string key) => Array.Find(Issues, i => i.Key == key) ?? throw new ArgumentException($"No issue '{key}'.");

    /// <summary>Counts issues in a status.</summary>
    /// <param name="status">Open or Closed.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static int CountIssues(string status) => Issues.Count(i => i.Status == status);

    /// <summary>Returns the text it was given.</summary>
    /// <param name="text">Any text.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static string Echo(string text) => text;

    /// <summary>Does nothing and returns 1: the cheapest possible tool call.</summary>
    [McpTool(Access = ToolAccess.Read)]
    public static int Noop() => 1;
}
