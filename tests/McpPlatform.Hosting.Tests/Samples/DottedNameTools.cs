namespace McpPlatform.Hosting.Tests.Samples;

/// <summary>
/// Tools whose MCP names are valid but are not JavaScript identifiers (a dot, a reserved word, a
/// leading digit and a hyphen), so Code Mode must expose them under sanitized names.
/// </summary>
[McpToolSet("DottedNames", Description = "Sample tools whose names are not JavaScript identifiers.")]
public static class DottedNameTools
{
    /// <summary>Finds issues whose title contains the query.</summary>
    /// <param name="query">Text to look for in issue titles.</param>
    [McpTool("issues.search", Access = ToolAccess.Read)]
    public static IssueSearchResult SearchIssues(string query) =>
        new(query, [.. new[] { "I-1 Printer on fire", "I-2 Printer out of paper", "I-3 VPN down" }
            .Where(title => title.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Select(title => title[..title.IndexOf(' ', StringComparison.Ordinal)])]);

    /// <summary>Deletes an issue for good.</summary>
    /// <param name="key">The issue key, e.g. I-1.</param>
    [McpTool("delete", Access = ToolAccess.Destructive)]
    public static string Delete(string key, [FromServices] ToolInvocations invocations)
    {
        invocations.Record("delete");
        return "deleted " + key;
    }

    /// <summary>Tells whether a user has two-factor authentication on.</summary>
    /// <param name="user">The user name.</param>
    [McpTool("2fa-status", Access = ToolAccess.Read)]
    public static TwoFactorStatus GetTwoFactorStatus(string user) => new(user, user.StartsWith('a'));
}

/// <summary>What <see cref="DottedNameTools.SearchIssues"/> found.</summary>
/// <param name="Query">The query searched for.</param>
/// <param name="Keys">Keys of the matching issues.</param>
public sealed record IssueSearchResult(string Query, string[] Keys);

/// <summary>A user's two-factor authentication state.</summary>
/// <param name="User">The user name.</param>
/// <param name="Enabled">Whether two-factor authentication is on.</param>
public sealed record TwoFactorStatus(string User, bool Enabled);
