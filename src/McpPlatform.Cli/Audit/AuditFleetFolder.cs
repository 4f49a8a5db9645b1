namespace McpPlatform.Cli.Audit;

/// <summary>
/// A fleet's audit folder: one sub-folder per replica (<c>McpPlatform:Audit:Directory</c> = <c>.../{Replica}</c>), each with
/// its own chain files and <c>checkpoints</c>; files directly in the folder are one more set (a single server's folder).
/// </summary>
internal static class AuditFleetFolder
{
    /// <summary>The name reported for the files directly in the folder.</summary>
    public const string TopLevel = ".";

    /// <summary>The file sets in <paramref name="folder"/>, by replica name (ordinal), each oldest first, with its checkpoint folder if there is one.</summary>
    public static IReadOnlyList<ReplicaFiles> Find(string folder)
    {
        var sets = new List<ReplicaFiles>();
        if (Files(folder) is { Length: > 0 } top)
        {
            sets.Add(new ReplicaFiles(TopLevel, top, Checkpoints(folder)));
        }

        foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(sub) != "checkpoints" && Files(sub) is { Length: > 0 } files)
            {
                sets.Add(new ReplicaFiles(Path.GetFileName(sub), files, Checkpoints(sub)));
            }
        }

        return sets;
    }

    // Serilog's rolling names sort chronologically byte by byte (audit-20261125.clef, audit-20261125_001.clef, ...).
    private static string[] Files(string folder) => [.. Directory.EnumerateFiles(folder, "*.clef").Order(StringComparer.Ordinal)];

    private static string? Checkpoints(string folder) => Path.Combine(folder, "checkpoints") is var beside && Directory.Exists(beside) ? beside : null;
}

/// <summary>One replica's audit files, oldest first, and its checkpoint folder.</summary>
internal sealed record ReplicaFiles(string Replica, IReadOnlyList<string> Files, string? Checkpoints);
