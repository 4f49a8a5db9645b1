using System.ComponentModel;
using McpPlatform;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using ModelContextProtocol;

namespace Company.McpServer1.Tools;

/// <summary>
/// The tools this server exposes. Each [McpTool] method becomes an MCP tool: its name is the
/// snake_case method name, its description and parameter descriptions come from the doc
/// comments, and its input schema from the parameter types, all generated at compile time.
/// The constructor's parameters come from dependency injection.
/// Every tool declares an access class; Write and Destructive tools are denied by default
/// until a governance rule grants them.
/// A caller sees the message of a ToolArgumentException (about an argument) or an McpException
/// (anything else it should read); any other exception reaches it only as a generic error with
/// a correlation id, because its text may hold internals (docs/arguments-and-proxies.md).
/// </summary>
[McpToolSet("issues")]
public sealed class IssueTools(IssueStore store)
{
    /// <summary>Searches issues by text in the title, optionally filtered by priority.</summary>
    /// <param name="text">Words to look for in issue titles; empty matches every issue.</param>
    /// <param name="priority">Only issues of this priority.</param>
    /// <param name="limit">At most this many issues (1-50).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public IssueSearchResult SearchIssues(string text = "", IssuePriority? priority = null, int limit = 10)
    {
        if (limit is < 1 or > 50)
        {
            throw new ToolArgumentException(nameof(limit), "limit must be between 1 and 50.");
        }

        var matches = store.All
            .Where(i => i.Title.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Where(i => priority is null || i.Priority == priority)
            .ToList();
        return new IssueSearchResult(matches.Count, matches.Take(limit).ToList());
    }

    /// <summary>Gets one issue by its key.</summary>
    /// <param name="key">The issue key, e.g. DEMO-1.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public Issue GetIssue(string key) =>
        store.Find(key) ?? throw new McpException($"No issue has the key '{key}'.");

    /// <summary>Files a new issue and returns it with its key.</summary>
    /// <param name="title">A one-line summary of the problem.</param>
    /// <param name="priority">How urgent it is.</param>
    /// <param name="labels">Labels to attach.</param>
    [McpTool(Access = ToolAccess.Write)]
    public Issue CreateIssue(
        string title,
        [Description("How urgent it is: Low, Medium or High.")] IssuePriority priority = IssuePriority.Medium,
        string[]? labels = null)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ToolArgumentException(nameof(title), "title must not be empty.");
        }

        return store.Add(title.Trim(), priority, labels ?? []);
    }
}
