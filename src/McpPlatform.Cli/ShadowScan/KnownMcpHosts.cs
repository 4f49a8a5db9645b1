using System.Text;

namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// Host names of public remote MCP servers: the hostname layer reports traffic to them whatever the path or body.
/// An entry is a host (<c>mcp.notion.com</c>), a wildcard (<c>*.mcp.example.net</c>), or a host with a path
/// prefix (<c>api.githubcopilot.com/mcp</c>) for services that serve MCP beside an ordinary API on one host.
/// </summary>
/// <remarks>
/// <see cref="BuiltIn"/> is a starting list of well-known vendor endpoints, not a complete one; extend it with a
/// known-hosts file (<c>--known-hosts FILE</c>, same format, one entry a line). Any host whose first label is
/// <c>mcp</c> matches without being listed.
/// </remarks>
public sealed class KnownMcpHosts
{
    /// <summary>The built-in entries.</summary>
    public static IReadOnlyList<string> BuiltInEntries { get; } =
    [
        "mcp.atlassian.com",
        "mcp.notion.com",
        "mcp.linear.app",
        "mcp.stripe.com",
        "mcp.paypal.com",
        "mcp.sentry.dev",
        "mcp.asana.com",
        "mcp.cloudflare.com",
        "*.mcp.cloudflare.com",
        "api.githubcopilot.com/mcp",
        "huggingface.co/mcp",
    ];

    private readonly Dictionary<string, List<byte[]>?> _exact = new(StringComparer.Ordinal);
    private readonly List<(HostPattern Pattern, List<byte[]>? PathPrefixes)> _wildcards = [];
    private Dictionary<string, List<byte[]>?>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates an empty list; see <see cref="BuiltIn"/> for the usual start.</summary>
    public KnownMcpHosts() => _lookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A new list holding <see cref="BuiltInEntries"/>.</summary>
    public static KnownMcpHosts BuiltIn()
    {
        var hosts = new KnownMcpHosts();
        foreach (var entry in BuiltInEntries)
        {
            hosts.Add(entry);
        }

        return hosts;
    }

    /// <summary>How many entries the list holds.</summary>
    public int Count => _exact.Count + _wildcards.Count;

    /// <summary>Adds one entry: <c>host</c>, <c>*.domain</c> or <c>host/path-prefix</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="entry"/> is not one of those.</exception>
    public void Add(string entry)
    {
        if (!TryAdd(entry.Trim(), out var error))
        {
            throw new ArgumentException(error, nameof(entry));
        }
    }

    /// <summary>Adds every entry of a known-hosts file (one entry a line, <c>#</c> comments).</summary>
    /// <exception cref="ScanInputException">An entry is malformed; the message names the file and line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public void AddFile(string path)
    {
        foreach (var (line, entry) in ListFile.Read(path))
        {
            if (!TryAdd(entry, out var error))
            {
                throw new ScanInputException(path, line, error);
            }
        }
    }

    /// <summary>Whether a request to the normalized <paramref name="host"/> at <paramref name="path"/> is to a known MCP host.</summary>
    internal bool Matches(ReadOnlySpan<char> host, ReadOnlySpan<byte> path)
    {
        if (_lookup.TryGetValue(host, out var prefixes) && PathMatches(prefixes, path))
        {
            return true;
        }

        foreach (var (pattern, wildcardPrefixes) in _wildcards)
        {
            if (pattern.Matches(host) && PathMatches(wildcardPrefixes, path))
            {
                return true;
            }
        }

        return false;
    }

    private static bool PathMatches(List<byte[]>? prefixes, ReadOnlySpan<byte> path)
    {
        if (prefixes is null)
        {
            return true;
        }

        foreach (var prefix in prefixes)
        {
            if (path.StartsWith(prefix) && (path.Length == prefix.Length || path[prefix.Length] is (byte)'/' or (byte)'?' or (byte)'#'))
            {
                return true;
            }
        }

        return false;
    }

    private bool TryAdd(string entry, out string error)
    {
        var slash = entry.IndexOf('/');
        var hostText = slash < 0 ? entry : entry[..slash];
        var prefix = slash < 0 ? null : entry[slash..].TrimEnd('/');
        if (!HostPattern.TryParse(hostText, out var pattern, out error))
        {
            error = $"'{entry}' is not a known-host entry; write a host (mcp.example.com), a wildcard (*.example.com) or a host with a path prefix (api.example.com/mcp)";
            return false;
        }

        var prefixBytes = string.IsNullOrEmpty(prefix) ? null : Encoding.UTF8.GetBytes(prefix);
        if (pattern.IsWildcard)
        {
            _wildcards.Add((pattern, prefixBytes is null ? null : [prefixBytes]));
            return true;
        }

        if (_exact.TryGetValue(pattern.Host, out var existing))
        {
            // Any-path wins over a prefix; prefixes accumulate.
            if (existing is not null)
            {
                if (prefixBytes is null)
                {
                    _exact[pattern.Host] = null;
                }
                else
                {
                    existing.Add(prefixBytes);
                }
            }
        }
        else
        {
            _exact[pattern.Host] = prefixBytes is null ? null : [prefixBytes];
        }

        return true;
    }
}
