using System.Collections.Concurrent;

namespace McpPlatform.Fixtures.Workplace.IssueTracker;

/// <summary>An in-memory issue tracker with a few seeded projects and issues.</summary>
internal static class IssueTrackerStore
{
    public const string CurrentUser = "mcp-user";

    private static int _nextId = 100;

    public static ConcurrentDictionary<string, Project> Projects { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PLAT"] = new("PLAT", "Platform", "ada", "Shared services and infrastructure.", 2),
        ["WEB"] = new("WEB", "Web app", "grace", "The customer-facing web application.", 1),
    };

    public static ConcurrentDictionary<string, Issue> Issues { get; } = Seed();

    public static ConcurrentDictionary<string, List<IssueComment>> Comments { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static ConcurrentBag<IssueLink> Links { get; } = [];

    public static ConcurrentBag<WorkLog> WorkLogs { get; } = [];

    public static string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Issue Get(string key) => Issues.TryGetValue(key, out var issue) ? issue : throw NotFound.Error("issue", key);

    public static Issue Save(Issue issue) => Issues[issue.Key] = issue with { UpdatedAt = DateTimeOffset.UtcNow };

    private static ConcurrentDictionary<string, Issue> Seed()
    {
        var created = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        Issue[] issues =
        [
            new("PLAT-1", "PLAT", "Rotate the signing keys every 90 days", "Automate key rotation.", IssueType.Task, IssueStatus.Open, IssuePriority.High, "ada", "grace", ["security"], created, created),
            new("PLAT-2", "PLAT", "Audit log misses the caller's client id", "See incident 17.", IssueType.Bug, IssueStatus.InProgress, IssuePriority.Critical, "linus", "ada", ["audit"], created, created),
            new("WEB-1", "WEB", "Login page times out on slow networks", "Reproducible on 3G.", IssueType.Bug, IssueStatus.Open, IssuePriority.Medium, null, "grace", ["auth", "web"], created, created),
        ];
        return new(issues.ToDictionary(i => i.Key, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    }
}
