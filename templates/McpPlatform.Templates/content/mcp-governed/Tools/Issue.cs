namespace Company.McpServer1.Tools;

/// <summary>How urgent an issue is.</summary>
public enum IssuePriority
{
    Low,
    Medium,
    High,
}

/// <summary>One tracked issue.</summary>
/// <param name="Key">The issue key, e.g. DEMO-1.</param>
/// <param name="Title">A one-line summary.</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="Labels">Free-form labels.</param>
/// <param name="CreatedAt">When it was filed.</param>
public sealed record Issue(string Key, string Title, IssuePriority Priority, IReadOnlyList<string> Labels, DateTimeOffset CreatedAt);

/// <summary>A page of search results.</summary>
/// <param name="Total">How many issues matched in all.</param>
/// <param name="Issues">The matching issues, newest first.</param>
public sealed record IssueSearchResult(int Total, IReadOnlyList<Issue> Issues);
