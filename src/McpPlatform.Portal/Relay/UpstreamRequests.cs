using System.Diagnostics;
using System.Text.Json;
using McpPlatform.Governance.Audit;
using McpPlatform.Portal.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace McpPlatform.Portal.Relay;

/// <summary>
/// One request to an upstream on a caller's behalf, bounded by the upstream's timeout, with every failure turned into
/// an MCP error that names the upstream: the caller never waits on a hung upstream and never sees a transport's
/// exception text (which can hold a URL with credentials), only the upstream's own MCP error message.
/// </summary>
internal static class UpstreamRequests
{
    public static async Task<T> SendAsync<T>(
        RelayUpstream upstream, string method, Func<McpClient, CancellationToken, ValueTask<T>> send, CancellationToken cancellationToken)
    {
        // The audit record of a relayed read names the upstream and its latency, as a relayed tool call's does.
        var record = AuditScope.Current;
        if (record is not null)
        {
            record.Upstream = upstream.Namespace;
        }

        var client = upstream.Client() ?? throw NotConnected(upstream);
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(upstream.Timeout);
        T answer;
        try
        {
            // WaitAsync as well as the token: an upstream client that ignored cancellation still cannot hold the caller.
            answer = await send(client, timeout.Token).AsTask().WaitAsync(upstream.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is OperationCanceledException or TimeoutException)
        {
            throw new McpProtocolException(
                $"Upstream '{upstream.Namespace}' did not answer {method} within {upstream.Timeout.TotalSeconds:0.###} s.", McpErrorCode.InternalError);
        }
        catch (McpProtocolException e)
        {
            // The upstream's own error (unknown resource, invalid params): its code, its words, and whose they are.
            throw new McpProtocolException($"Upstream '{upstream.Namespace}' refused {method}: {e.Message}", e.ErrorCode);
        }
        catch (UpstreamException e)
        {
            throw new McpProtocolException(e.Message, McpErrorCode.InternalError);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new McpProtocolException(
                $"Upstream '{upstream.Namespace}' failed {method} ({e.GetType().Name}).", McpErrorCode.InternalError);
        }
        finally
        {
            if (record is not null)
            {
                record.UpstreamMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        return WithinLimit(upstream, method, answer);
    }

    /// <summary>An upstream's answer as the caller would get it, refused when larger than the upstream may send.</summary>
    private static T WithinLimit<T>(RelayUpstream upstream, string method, T answer)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(answer, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T))).LongLength;
        return bytes <= upstream.MaxResultBytes
            ? answer
            : throw new McpProtocolException(
                $"Upstream '{upstream.Namespace}' answered {method} with {bytes} bytes, more than its limit of {upstream.MaxResultBytes} (MaxResultBytes).",
                McpErrorCode.InternalError);
    }

    public static McpProtocolException NotConnected(RelayUpstream upstream) =>
        new(
            $"Upstream '{upstream.Namespace}' is unavailable" + (upstream.DownDetail() is { Length: > 0 } detail ? $": {detail}" : "."),
            McpErrorCode.InternalError);
}
