using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Conformance.Fixture;

/// <summary>
/// A tool that ends its own SSE response stream before it answers (scenario
/// server-sse-polling, SEP-1699): the result goes to the event stream store, and the client
/// collects it by polling with GET and Last-Event-ID after the retry interval.
/// </summary>
[McpToolSet("Transport", Description = "Streamable HTTP resumability.")]
public static class TransportTools
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Closes its response stream mid-call, tells the client to poll, then completes.</summary>
    [McpTool("test_reconnection", Access = ToolAccess.Read)]
    public static async Task<string> Reconnection(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        await request.EnablePollingAsync(RetryInterval, cancellationToken);

        // Answer after the POST stream has closed (well within the retry interval), so the
        // result can only reach the client through the resumed stream.
        await Task.Delay(RetryInterval / 5, cancellationToken);
        return "Reconnection test completed successfully";
    }
}
