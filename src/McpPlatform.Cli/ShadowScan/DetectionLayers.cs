namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// The three shadow-MCP detection layers a request can match: its host name, its URL path and its
/// JSON-RPC body. A request or host may match several at once.
/// </summary>
[Flags]
public enum DetectionLayers
{
    /// <summary>No layer matched: ordinary traffic.</summary>
    None = 0,

    /// <summary>The host is a known remote MCP server host, or its first label is <c>mcp</c> (<c>mcp.*</c>).</summary>
    Hostname = 1,

    /// <summary>The path ends in <c>/mcp</c>, <c>/mcp/</c> or <c>/mcp/sse</c> (query ignored), e.g. <c>/mcp</c> or <c>/v1/mcp</c>.</summary>
    Path = 2,

    /// <summary>The body is a JSON-RPC 2.0 message with an MCP method or an MCP protocol version.</summary>
    JsonRpc = 4,
}

/// <summary>Names for <see cref="DetectionLayers"/> as they appear in reports.</summary>
public static class DetectionLayerNames
{
    /// <summary>Every single layer, in report order.</summary>
    public static IReadOnlyList<DetectionLayers> All { get; } = [DetectionLayers.Hostname, DetectionLayers.Path, DetectionLayers.JsonRpc];

    /// <summary>The report name of one layer: <c>hostname</c>, <c>path</c> or <c>jsonrpc</c>.</summary>
    public static string Name(DetectionLayers layer) => layer switch
    {
        DetectionLayers.Hostname => "hostname",
        DetectionLayers.Path => "path",
        DetectionLayers.JsonRpc => "jsonrpc",
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Not a single detection layer."),
    };

    /// <summary>The names of the layers set in <paramref name="layers"/>, in report order.</summary>
    public static IReadOnlyList<string> Names(DetectionLayers layers) =>
        All.Where(l => (layers & l) != 0).Select(Name).ToArray();

    /// <summary>How many layers are set in <paramref name="layers"/>.</summary>
    public static int Count(DetectionLayers layers) => System.Numerics.BitOperations.PopCount((uint)layers);
}
