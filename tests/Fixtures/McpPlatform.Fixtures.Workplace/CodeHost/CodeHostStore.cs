using System.Collections.Concurrent;

namespace McpPlatform.Fixtures.Workplace.CodeHost;

/// <summary>An in-memory code host with one seeded repository.</summary>
internal static class CodeHostStore
{
    public const string CurrentUser = "mcp-user";

    private static int _nextNumber = 10;

    public static ConcurrentDictionary<string, Repository> Repositories { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["acme/platform"] = new("acme/platform", "The McpPlatform monorepo.", "main", true, "C#", 1, new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.Zero)),
    };

    public static ConcurrentDictionary<string, Branch> Branches { get; } = new(StringComparer.Ordinal)
    {
        ["acme/platform:main"] = new("main", "9f1c2e7", true),
    };

    public static ConcurrentDictionary<string, PullRequest> PullRequests { get; } = new(StringComparer.Ordinal);

    public static ConcurrentDictionary<string, string> Files { get; } = new(StringComparer.Ordinal)
    {
        ["acme/platform:README.md"] = "# Platform\nGoverned MCP servers.",
    };

    public static int NextNumber() => Interlocked.Increment(ref _nextNumber);

    public static Repository Repo(string repository) =>
        Repositories.TryGetValue(repository, out var repo) ? repo : throw NotFound.Error("repository", repository);

    public static PullRequest Pull(string repository, int number) =>
        PullRequests.TryGetValue($"{repository}#{number}", out var pull) ? pull : throw NotFound.Error("pull request", $"{repository}#{number}");

    public static PullRequest Save(PullRequest pull) => PullRequests[$"{pull.Repository}#{pull.Number}"] = pull;
}
