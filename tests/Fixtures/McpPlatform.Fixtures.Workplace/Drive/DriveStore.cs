using System.Collections.Concurrent;

namespace McpPlatform.Fixtures.Workplace.Drive;

/// <summary>An in-memory drive with a few seeded files.</summary>
internal static class DriveStore
{
    public const string FolderMimeType = "application/vnd.folder";

    private static int _nextId = 100;

    public static ConcurrentDictionary<string, DriveFile> Files { get; } = Seed();

    public static ConcurrentDictionary<string, string> Contents { get; } = new(StringComparer.Ordinal)
    {
        ["f-2"] = "Q3 goals: ship Code Mode, halve the tool-definition tokens.",
    };

    public static ConcurrentDictionary<string, DrivePermission> Permissions { get; } = new(StringComparer.Ordinal);

    public static string NextId(string prefix) => prefix + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static DriveFile Get(string fileId) => Files.TryGetValue(fileId, out var file) ? file : throw NotFound.Error("file", fileId);

    public static DriveFile Save(DriveFile file) => Files[file.Id] = file with { ModifiedAt = DateTimeOffset.UtcNow };

    public static DriveFile New(string name, string mimeType, string? parentId, long size)
    {
        var now = DateTimeOffset.UtcNow;
        var id = NextId("f-");
        return Save(new DriveFile(id, name, mimeType, parentId, size, "mcp-user", false, $"https://drive.example.com/d/{id}", now, now));
    }

    private static ConcurrentDictionary<string, DriveFile> Seed()
    {
        var at = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
        DriveFile[] files =
        [
            new("f-1", "Planning", FolderMimeType, null, 0, "ada", false, "https://drive.example.com/d/f-1", at, at),
            new("f-2", "Q3 plan.txt", "text/plain", "f-1", 58, "ada", true, "https://drive.example.com/d/f-2", at, at),
        ];
        return new(files.ToDictionary(f => f.Id, StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
