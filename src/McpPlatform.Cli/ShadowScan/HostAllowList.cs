namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// The approved MCP servers: host names (<c>mcp.corp.example.com</c>) and wildcards (<c>*.corp.example.com</c>,
/// which match hosts below the domain, not the domain itself). Matching ignores case, ports and a trailing dot.
/// </summary>
public sealed class HostAllowList
{
    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);
    private readonly List<HostPattern> _wildcards = [];

    /// <summary>How many entries the list holds.</summary>
    public int Count => _exact.Count + _wildcards.Count;

    /// <summary>Adds one entry, e.g. from <c>--approve</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="entry"/> is not a host name or wildcard.</exception>
    public void Add(string entry)
    {
        if (!HostPattern.TryParse(entry.Trim(), out var pattern, out var error))
        {
            throw new ArgumentException(error, nameof(entry));
        }

        Add(pattern);
    }

    /// <summary>
    /// Adds every entry of an allow-list file: one host or wildcard a line, <c>#</c> comments, blank lines ignored.
    /// </summary>
    /// <exception cref="ScanInputException">An entry is not a host name; the message names the file and line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public void AddFile(string path)
    {
        foreach (var (line, entry) in ListFile.Read(path))
        {
            if (!HostPattern.TryParse(entry, out var pattern, out var error))
            {
                throw new ScanInputException(path, line, error);
            }

            Add(pattern);
        }
    }

    /// <summary>Whether <paramref name="host"/> is approved.</summary>
    public bool IsApproved(string host)
    {
        var normalized = HostName.Normalize(host);
        if (normalized is null)
        {
            return false;
        }

        return _exact.Contains(normalized) || _wildcards.Exists(w => w.Matches(normalized));
    }

    private void Add(HostPattern pattern)
    {
        if (pattern.IsWildcard)
        {
            _wildcards.Add(pattern);
        }
        else
        {
            _exact.Add(pattern.Host);
        }
    }
}
