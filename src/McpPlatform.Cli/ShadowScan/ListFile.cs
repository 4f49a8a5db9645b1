namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// The line format shared by the allow-list and known-hosts files: one entry a line, blank lines ignored,
/// <c>#</c> starts a comment (a whole line or the rest of one).
/// </summary>
internal static class ListFile
{
    /// <summary>The entries of <paramref name="path"/> with their 1-based line numbers.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static IEnumerable<(int Line, string Entry)> Read(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var hash = line.IndexOf('#');
            var entry = (hash >= 0 ? line[..hash] : line).Trim();
            if (entry.Length > 0)
            {
                yield return (number, entry);
            }
        }
    }
}
