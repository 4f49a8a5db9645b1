namespace McpPlatform.Fixtures.Workplace.IssueTracker;

/// <summary>An issue tracker: projects, issues, comments, links and work logs.</summary>
[McpToolSet("issues", Description = "Issue tracker: projects, issues, comments and work logs.")]
public static class IssueTrackerTools
{
    /// <summary>
    /// Searches issues with a query in the tracker's query language, e.g.
    /// <c>project = PLAT AND status != Done ORDER BY priority DESC</c>. Returns one page of matching issues.
    /// </summary>
    /// <param name="query">The search query; plain words match the summary and description.</param>
    /// <param name="startAt">The offset of the first issue to return, for paging.</param>
    /// <param name="maxResults">At most this many issues (1-100).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IssueSearchPage SearchIssues(string query, int startAt = 0, int maxResults = 25)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = IssueTrackerStore.Issues.Values
            .Where(i => words.Length == 0 || words.Any(w => i.Summary.Contains(w, StringComparison.OrdinalIgnoreCase) || i.Key.StartsWith(w, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(i => i.Key, StringComparer.Ordinal)
            .ToList();
        return new IssueSearchPage(matches.Count, startAt, matches.Skip(startAt).Take(Math.Clamp(maxResults, 1, 100)).ToList());
    }

    /// <summary>Gets one issue with all its fields.</summary>
    /// <param name="issueKey">The issue key, e.g. PLAT-42.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Issue GetIssue(string issueKey) => IssueTrackerStore.Get(issueKey);

    /// <summary>Creates an issue in a project and returns it with its new key.</summary>
    /// <param name="projectKey">The project to file the issue in, e.g. PLAT.</param>
    /// <param name="summary">A one-line summary.</param>
    /// <param name="description">The full description in Markdown.</param>
    /// <param name="type">What kind of work the issue tracks.</param>
    /// <param name="priority">How urgent it is.</param>
    /// <param name="labels">Labels to attach.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Issue CreateIssue(string projectKey, string summary, string description = "", IssueType type = IssueType.Task, IssuePriority priority = IssuePriority.Medium, string[]? labels = null)
    {
        var project = IssueTrackerStore.Projects.TryGetValue(projectKey, out var p) ? p : throw NotFound.Error("project", projectKey);
        var now = DateTimeOffset.UtcNow;
        var issue = new Issue($"{project.Key}-{IssueTrackerStore.NextId()}", project.Key, summary, description, type, IssueStatus.Open, priority, null, IssueTrackerStore.CurrentUser, labels ?? [], now, now);
        return IssueTrackerStore.Save(issue);
    }

    /// <summary>Changes the summary, description, priority or labels of an issue. Fields left out keep their value.</summary>
    /// <param name="issueKey">The issue key, e.g. PLAT-42.</param>
    /// <param name="summary">A new one-line summary.</param>
    /// <param name="description">A new description in Markdown.</param>
    /// <param name="priority">A new priority.</param>
    /// <param name="labels">The new labels, replacing the old ones.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Issue UpdateIssue(string issueKey, string? summary = null, string? description = null, IssuePriority? priority = null, string[]? labels = null)
    {
        var issue = IssueTrackerStore.Get(issueKey);
        return IssueTrackerStore.Save(issue with
        {
            Summary = summary ?? issue.Summary,
            Description = description ?? issue.Description,
            Priority = priority ?? issue.Priority,
            Labels = labels ?? issue.Labels,
        });
    }

    /// <summary>Moves an issue to another workflow status, e.g. from Open to InProgress.</summary>
    /// <param name="issueKey">The issue key, e.g. PLAT-42.</param>
    /// <param name="status">The status to move the issue to.</param>
    /// <param name="comment">An optional comment explaining the transition.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Issue TransitionIssue(string issueKey, IssueStatus status, string? comment = null)
    {
        if (comment is not null)
        {
            AddComment(issueKey, comment);
        }

        return IssueTrackerStore.Save(IssueTrackerStore.Get(issueKey) with { Status = status });
    }

    /// <summary>Assigns an issue to a user, or unassigns it.</summary>
    /// <param name="issueKey">The issue key, e.g. PLAT-42.</param>
    /// <param name="assignee">The user name to assign; omit to unassign.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Issue AssignIssue(string issueKey, string? assignee = null) =>
        IssueTrackerStore.Save(IssueTrackerStore.Get(issueKey) with { Assignee = assignee });

    /// <summary>Adds a comment to an issue.</summary>
    /// <param name="issueKey">The issue key, e.g. PLAT-42.</param>
    /// <param name="body">The comment text in Markdown.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static IssueComment AddComment(string issueKey, string body)
    {
        IssueTrackerStore.Get(issueKey);
        var comment = new IssueComment(IssueTrackerStore.NextId(), issueKey, IssueTrackerStore.CurrentUser, body, DateTimeOffset.UtcNow);
        IssueTrackerStore.Comments.AddOrUpdate(issueKey, _ => [comment], (_, list) => [.. list, comment]);
        return comment;
    }

    /// <summary>Lists the comments on an issue, oldest first.</summary>
    /// <param name="issueKey">The issue key, e.g. PLAT-42.</param>
    /// <param name="maxResults">At most this many comments (1-100).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<IssueComment> ListComments(string issueKey, int maxResults = 50)
    {
        IssueTrackerStore.Get(issueKey);
        return IssueTrackerStore.Comments.TryGetValue(issueKey, out var list) ? list.Take(Math.Clamp(maxResults, 1, 100)).ToList() : [];
    }

    /// <summary>Links two issues, e.g. to record that one blocks or duplicates the other.</summary>
    /// <param name="fromKey">The issue the link starts at.</param>
    /// <param name="toKey">The issue the link points to.</param>
    /// <param name="type">How the issues relate.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static IssueLink LinkIssues(string fromKey, string toKey, IssueLinkType type = IssueLinkType.RelatesTo)
    {
        IssueTrackerStore.Get(fromKey);
        IssueTrackerStore.Get(toKey);
        var link = new IssueLink(IssueTrackerStore.NextId(), fromKey, toKey, type);
        IssueTrackerStore.Links.Add(link);
        return link;
    }

    /// <summary>Lists the projects the caller can see.</summary>
    /// <param name="nameContains">Only projects whose name contains this text.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<Project> ListProjects(string? nameContains = null) =>
        IssueTrackerStore.Projects.Values
            .Where(p => nameContains is null || p.Name.Contains(nameContains, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>Gets one project with its lead and the number of open issues.</summary>
    /// <param name="projectKey">The project key, e.g. PLAT.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Project GetProject(string projectKey) =>
        IssueTrackerStore.Projects.TryGetValue(projectKey, out var project) ? project : throw NotFound.Error("project", projectKey);

    /// <summary>Logs time spent on an issue.</summary>
    /// <param name="issueKey">The issue key, e.g. PLAT-42.</param>
    /// <param name="minutes">How long, in minutes (1-1440).</param>
    /// <param name="comment">What was done.</param>
    /// <param name="startedAt">When the work started; now when omitted.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static WorkLog LogWork(string issueKey, int minutes, string comment = "", DateTimeOffset? startedAt = null)
    {
        IssueTrackerStore.Get(issueKey);
        if (minutes is < 1 or > 1440)
        {
            throw new McpPlatform.Hosting.Tools.ToolArgumentException(nameof(minutes), "minutes must be between 1 and 1440.");
        }

        var log = new WorkLog(IssueTrackerStore.NextId(), issueKey, IssueTrackerStore.CurrentUser, minutes, comment, startedAt ?? DateTimeOffset.UtcNow);
        IssueTrackerStore.WorkLogs.Add(log);
        return log;
    }

    /// <summary>Deletes an issue with its comments and links. This cannot be undone.</summary>
    /// <param name="issueKey">The issue key, e.g. PLAT-42.</param>
    /// <param name="deleteSubtasks">Also delete the issue's subtasks; otherwise an issue with subtasks is refused.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static string DeleteIssue(string issueKey, bool deleteSubtasks = false)
    {
        IssueTrackerStore.Get(issueKey);
        IssueTrackerStore.Issues.TryRemove(issueKey, out _);
        IssueTrackerStore.Comments.TryRemove(issueKey, out _);
        return $"Deleted {issueKey}{(deleteSubtasks ? " and its subtasks" : string.Empty)}.";
    }
}
