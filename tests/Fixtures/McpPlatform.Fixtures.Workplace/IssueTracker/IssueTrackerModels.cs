namespace McpPlatform.Fixtures.Workplace.IssueTracker;

/// <summary>Where an issue is in its workflow.</summary>
public enum IssueStatus
{
    /// <summary>Filed, nobody working on it.</summary>
    Open,

    /// <summary>Someone is working on it.</summary>
    InProgress,

    /// <summary>Waiting for review or verification.</summary>
    InReview,

    /// <summary>Finished.</summary>
    Done,
}

/// <summary>What kind of work an issue tracks.</summary>
public enum IssueType
{
    /// <summary>Something is broken.</summary>
    Bug,

    /// <summary>A unit of planned work.</summary>
    Task,

    /// <summary>A user-facing capability.</summary>
    Story,

    /// <summary>A large body of work split into stories.</summary>
    Epic,
}

/// <summary>How urgent an issue is.</summary>
public enum IssuePriority
{
    /// <summary>Whenever there is time.</summary>
    Low,

    /// <summary>The default.</summary>
    Medium,

    /// <summary>Soon.</summary>
    High,

    /// <summary>Drop everything.</summary>
    Critical,
}

/// <summary>How two issues relate.</summary>
public enum IssueLinkType
{
    /// <summary>The first issue blocks the second.</summary>
    Blocks,

    /// <summary>The first issue duplicates the second.</summary>
    Duplicates,

    /// <summary>The issues are related.</summary>
    RelatesTo,
}

/// <summary>One issue as the tracker stores it.</summary>
/// <param name="Key">The issue key, e.g. PLAT-42.</param>
/// <param name="ProjectKey">The key of the project the issue belongs to.</param>
/// <param name="Summary">A one-line summary.</param>
/// <param name="Description">The full description in Markdown.</param>
/// <param name="Type">What kind of work the issue tracks.</param>
/// <param name="Status">Where the issue is in its workflow.</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="Assignee">The user working on it, if any.</param>
/// <param name="Reporter">The user who filed it.</param>
/// <param name="Labels">Free-form labels.</param>
/// <param name="CreatedAt">When it was filed.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record Issue(
    string Key,
    string ProjectKey,
    string Summary,
    string Description,
    IssueType Type,
    IssueStatus Status,
    IssuePriority Priority,
    string? Assignee,
    string Reporter,
    IReadOnlyList<string> Labels,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A page of issues matching a query.</summary>
/// <param name="Total">How many issues matched in all.</param>
/// <param name="StartAt">The offset of the first issue on this page.</param>
/// <param name="Issues">The issues on this page.</param>
public sealed record IssueSearchPage(int Total, int StartAt, IReadOnlyList<Issue> Issues);

/// <summary>A comment on an issue.</summary>
/// <param name="Id">The comment id.</param>
/// <param name="IssueKey">The issue it belongs to.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Body">The comment text in Markdown.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record IssueComment(string Id, string IssueKey, string Author, string Body, DateTimeOffset CreatedAt);

/// <summary>A link between two issues.</summary>
/// <param name="Id">The link id.</param>
/// <param name="FromKey">The issue the link starts at.</param>
/// <param name="ToKey">The issue the link points to.</param>
/// <param name="Type">How the issues relate.</param>
public sealed record IssueLink(string Id, string FromKey, string ToKey, IssueLinkType Type);

/// <summary>A project: a board of issues with its own key prefix.</summary>
/// <param name="Key">The project key, e.g. PLAT.</param>
/// <param name="Name">The project name.</param>
/// <param name="Lead">The user who leads the project.</param>
/// <param name="Description">What the project is about.</param>
/// <param name="OpenIssues">How many issues are not done.</param>
public sealed record Project(string Key, string Name, string Lead, string Description, int OpenIssues);

/// <summary>Time logged against an issue.</summary>
/// <param name="Id">The work log id.</param>
/// <param name="IssueKey">The issue the time was spent on.</param>
/// <param name="Author">Who spent the time.</param>
/// <param name="Minutes">How long, in minutes.</param>
/// <param name="Comment">What was done.</param>
/// <param name="StartedAt">When the work started.</param>
public sealed record WorkLog(string Id, string IssueKey, string Author, int Minutes, string Comment, DateTimeOffset StartedAt);
