namespace McpPlatform.Build;

/// <summary>Writes build products only when their bytes change, so timestamps and incremental builds stay stable.</summary>
internal static class FileContent
{
    /// <summary>Replaces the file through a temporary sibling, so a reader never sees half of it; true when it changed.</summary>
    public static bool WriteIfChanged(string path, byte[] bytes)
    {
        path = Path.GetFullPath(path);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return true;
    }
}
