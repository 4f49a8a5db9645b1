using System.Collections.Concurrent;

namespace Company.McpServer1.Tools;

/// <summary>
/// An in-memory stand-in for the system this server fronts. Replace it with a client for
/// your real API; tools receive it through [FromServices].
/// </summary>
public sealed class IssueStore
{
    private readonly ConcurrentDictionary<string, Issue> _issues = new(StringComparer.OrdinalIgnoreCase);
    private int _nextNumber;

    public IssueStore()
    {
        Add("Login page times out on slow networks", IssuePriority.High, ["auth", "web"]);
        Add("Export to CSV drops the last row", IssuePriority.Medium, ["reports"]);
        Add("Typo on the billing settings page", IssuePriority.Low, ["billing", "web"]);
    }

    public IEnumerable<Issue> All => _issues.Values.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Key, StringComparer.Ordinal);

    public Issue? Find(string key) => _issues.GetValueOrDefault(key);

    public Issue Add(string title, IssuePriority priority, IReadOnlyList<string> labels)
    {
        var key = $"DEMO-{Interlocked.Increment(ref _nextNumber)}";
        var issue = new Issue(key, title, priority, labels, DateTimeOffset.UtcNow);
        _issues[key] = issue;
        return issue;
    }
}
