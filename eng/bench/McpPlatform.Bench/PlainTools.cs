using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpPlatform.Bench;

/// <summary>The same tools on the plain SDK: reflection-based binding through AIFunction.</summary>
[McpServerToolType]
public static class PlainTools
{
    [McpServerTool(Name = "get_issue", ReadOnly = true, UseStructuredContent = true), Description("Gets one issue by key.")]
    public static Issue GetIssue([Description("The issue key, e.g. ACME-1.")] string key) => IssueData.Get(key);

    [McpServerTool(Name = "echo", ReadOnly = true), Description("Returns the text it was given.")]
    public static string Echo([Description("Any text.")] string text) => IssueData.Echo(text);

    [McpServerTool(Name = "count_issues", ReadOnly = true), Description("Counts issues in a status.")]
    public static int CountIssues([Description("Open or Closed.")] string status) => IssueData.Count(status);
}
