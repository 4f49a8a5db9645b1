namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// Decides which <see cref="DetectionLayers"/> one logged request matches. The checks run cheapest first and
/// never allocate: the body is parsed as JSON only when it contains <c>jsonrpc</c>.
/// </summary>
public sealed class McpTrafficDetector
{
    private readonly KnownMcpHosts _knownHosts;

    /// <summary>Creates a detector that treats <paramref name="knownHosts"/> (and every <c>mcp.*</c> host) as MCP hosts.</summary>
    public McpTrafficDetector(KnownMcpHosts knownHosts) => _knownHosts = knownHosts;

    /// <summary>The layers a request matches.</summary>
    /// <param name="host">The host, normalized (see <c>HostName.Normalize</c>).</param>
    /// <param name="path">The request path as logged, with or without a query.</param>
    /// <param name="body">The request body as UTF-8 JSON text, or empty.</param>
    public DetectionLayers Detect(ReadOnlySpan<char> host, ReadOnlySpan<byte> path, ReadOnlySpan<byte> body)
    {
        var layers = DetectionLayers.None;
        if (IsMcpHost(host, path))
        {
            layers |= DetectionLayers.Hostname;
        }

        if (IsMcpPath(path))
        {
            layers |= DetectionLayers.Path;
        }

        if (McpJsonRpc.IsMcpMessage(body))
        {
            layers |= DetectionLayers.JsonRpc;
        }

        return layers;
    }

    /// <summary>
    /// The hostname layer: a known MCP host (see <see cref="KnownMcpHosts"/>) or a host whose first label is
    /// <c>mcp</c> (<c>mcp.example.com</c>; not <c>mcpherson.com</c>).
    /// </summary>
    public bool IsMcpHost(ReadOnlySpan<char> host, ReadOnlySpan<byte> path) =>
        (host.Length > 4 && host.StartsWith("mcp.", StringComparison.Ordinal)) || _knownHosts.Matches(host, path);

    /// <summary>
    /// The path layer: the path, without query or fragment, ends in the segment <c>mcp</c> (optionally followed by
    /// <c>/</c>) or in <c>mcp/sse</c>: <c>/mcp</c>, <c>/mcp/</c>, <c>/mcp/sse</c>, <c>/v1/mcp</c>. ASCII case is
    /// ignored. <c>/mcp-docs</c>, <c>/mcp/docs</c> and <c>/blog/mcp.html</c> do not match.
    /// </summary>
    public static bool IsMcpPath(ReadOnlySpan<byte> path)
    {
        var end = path.IndexOfAny((byte)'?', (byte)'#');
        if (end >= 0)
        {
            path = path[..end];
        }

        if (path.Length > 0 && path[^1] == (byte)'/')
        {
            path = path[..^1];
        }

        if (EndsWithSegments(path, "/mcp"u8))
        {
            return true;
        }

        return EndsWithSegments(path, "/mcp/sse"u8);
    }

    private static bool EndsWithSegments(ReadOnlySpan<byte> path, ReadOnlySpan<byte> tail)
    {
        if (path.Length < tail.Length)
        {
            return false;
        }

        var end = path[^tail.Length..];
        for (var i = 0; i < tail.Length; i++)
        {
            var b = end[i];
            if (b is >= (byte)'A' and <= (byte)'Z')
            {
                b = (byte)(b | 0x20);
            }

            if (b != tail[i])
            {
                return false;
            }
        }

        return true;
    }
}
