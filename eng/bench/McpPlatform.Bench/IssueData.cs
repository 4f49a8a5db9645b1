namespace McpPlatform.Bench;

/// <summary>An issue as both servers return it.</summary>
public sealed record Issue(string Key, string Title, string Status, int Priority, IReadOnlyList<string> Labels);

/// <summary>The work both tool surfaces share, so the benchmark measures only the plumbing.</summary>
public static class IssueData
{
    private static readonly Issue[] Issues = Enumerable.Range(1, 50)
        .Select(i => new Issue($"ACME-{i}", $"Issue number {i}", i % 3 == 0 ? "Closed" : "Open", i % 5, ["bench", $"area-{i % 4}"]))
        .ToArray();

    public static Issue Get(string key) =>
        Array.Find(Issues, i => i.Key == key) ?? throw new ArgumentException($"No issue '{key}'.");

    public static string Echo(string text) => text;

    public static int Count(string status) => Issues.Count(i => i.Status == status);
}
