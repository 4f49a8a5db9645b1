namespace McpPlatform.Governance.Audit;

/// <summary>
/// The checkpoint folder (the audit log's second sink): one file per chain, replaced atomically (a temporary
/// file, then a rename) each time the chain's head is checkpointed, so a reader never sees half a checkpoint.
/// </summary>
internal sealed class AuditCheckpoints(string folder)
{
    /// <summary>The folder (absolute).</summary>
    public string Folder { get; } = folder;

    /// <summary>Writes <paramref name="checkpoint"/> over its chain's previous one.</summary>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public void Write(AuditCheckpoint checkpoint)
    {
        var path = Path.Combine(Folder, AuditCheckpoint.FileNameOf(checkpoint.ChainId));
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(checkpoint.ToJson());
            writer.Flush();
            stream.Flush(flushToDisk: true); // the checkpoint must outlive a crash as much as the records it vouches for
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The most recent checkpoint in the folder (by its signed time), for the first record of the next chain
    /// to name: null when there is none; a note when the newest cannot be read or verified with <paramref name="key"/>.
    /// </summary>
    public (AuditCheckpoint? Latest, string? Note) ReadLatest(AuditChainKey key)
    {
        AuditCheckpoint? latest = null;
        string? note = null;
        foreach (var path in Directory.EnumerateFiles(Folder, AuditCheckpoint.FilePattern))
        {
            AuditCheckpoint checkpoint;
            try
            {
                checkpoint = AuditCheckpoint.Parse(File.ReadAllText(path));
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                note = $"the checkpoint {Path.GetFileName(path)} cannot be read ({e.Message})";
                continue;
            }

            if (!checkpoint.IsSignedBy(key))
            {
                note = $"the checkpoint {Path.GetFileName(path)} is not signed with the current audit chain key (forged, or the key was changed)";
                continue;
            }

            if (latest is null || string.CompareOrdinal(checkpoint.Time, latest.Time) > 0)
            {
                latest = checkpoint;
            }
        }

        return (latest, note);
    }
}
