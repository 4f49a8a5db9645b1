namespace McpPlatform.Bench;

/// <summary>The benchmark's tools as a McpPlatform author writes them (generated binding).</summary>
[McpToolSet("Bench")]
public static class GovernedTools
{
    /// <summary>Gets one issue by key.</summary>
    /// <param name="key">The issue key, e.g. ACME-1.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static Issue GetIssue(string key) => IssueData.Get(key);

    /// <summary>Returns the text it was given.</summary>
    /// <param name="text">Any text.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static string Echo(string text) => IssueData.Echo(text);

    /// <summary>Counts issues in a status.</summary>
    /// <param name="status">Open or Closed.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static int CountIssues(string status) => IssueData.Count(status);
}
