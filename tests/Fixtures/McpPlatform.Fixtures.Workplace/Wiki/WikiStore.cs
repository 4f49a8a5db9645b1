using System.Collections.Concurrent;

namespace McpPlatform.Fixtures.Workplace.Wiki;

/// <summary>An in-memory wiki with one seeded space.</summary>
internal static class WikiStore
{
    public const string CurrentUser = "mcp-user";

    private static int _nextId = 100;

    public static ConcurrentDictionary<string, WikiSpace> Spaces { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ENG"] = new("ENG", "Engineering", "How we build and run things.", "p-1", 2),
    };

    public static ConcurrentDictionary<string, WikiPage> Pages { get; } = Seed();

    public static ConcurrentDictionary<string, List<PageVersion>> History { get; } = new(StringComparer.Ordinal);

    public static ConcurrentDictionary<string, PageComment> Comments { get; } = new(StringComparer.Ordinal);

    public static string NextId(string prefix) => prefix + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static WikiPage Get(string pageId) => Pages.TryGetValue(pageId, out var page) ? page : throw NotFound.Error("page", pageId);

    public static WikiPage Save(WikiPage page, string message)
    {
        var saved = Pages[page.Id] = page with { Author = CurrentUser, UpdatedAt = DateTimeOffset.UtcNow };
        var version = new PageVersion(saved.Version, saved.Author, message, saved.UpdatedAt);
        History.AddOrUpdate(page.Id, _ => [version], (_, list) => [.. list, version]);
        return saved;
    }

    private static ConcurrentDictionary<string, WikiPage> Seed()
    {
        var at = new DateTimeOffset(2026, 9, 15, 12, 0, 0, TimeSpan.Zero);
        WikiPage[] pages =
        [
            new("p-1", "ENG", "Engineering home", null, "# Engineering\nStart here.", PageFormat.Markdown, 3, ["home"], "ada", at),
            new("p-2", "ENG", "On-call runbook", "p-1", "## Paging\nAcknowledge within 5 minutes.", PageFormat.Markdown, 7, ["oncall", "runbook"], "linus", at),
        ];
        return new(pages.ToDictionary(p => p.Id, StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
