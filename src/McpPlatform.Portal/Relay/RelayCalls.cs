using System.Collections.Concurrent;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Relay;

/// <summary>
/// The calls in flight to each upstream and the caller sessions they serve: how a message an upstream sends on its own
/// (an elicitation request, a log message) finds the caller it belongs to.
/// </summary>
/// <remarks>
/// One upstream connection serves every caller, and MCP gives a client no way to tell which of its requests a server's
/// elicitation or log message belongs to. So the relay passes one on only when a single caller session has calls in
/// flight to that upstream; with none or several it cannot know whose it is, and relaying it to the wrong caller would
/// leak one caller's data to another, so an elicitation is declined and a log message dropped.
/// </remarks>
public sealed class RelayCalls
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, RelayCall>> _inFlight = new(StringComparer.Ordinal);
    private long _nextCall;

    /// <summary>
    /// Marks a call of <paramref name="caller"/>'s to upstream <paramref name="upstreamNamespace"/> in flight until the returned
    /// scope is disposed; its <see cref="RelayCall.Progress"/> reports the upstream's progress to the caller's progress token.
    /// </summary>
    public RelayCall Begin(string upstreamNamespace, McpServer caller, ProgressToken? progressToken)
    {
        ArgumentNullException.ThrowIfNull(upstreamNamespace);
        ArgumentNullException.ThrowIfNull(caller);
        var calls = _inFlight.GetOrAdd(upstreamNamespace, static _ => new ConcurrentDictionary<long, RelayCall>());
        var id = Interlocked.Increment(ref _nextCall);
        var call = new RelayCall(caller, () => calls.TryRemove(id, out _), progressToken);
        calls[id] = call;
        return call;
    }

    /// <summary>
    /// Marks the call of <paramref name="request"/> to upstream <paramref name="upstreamNamespace"/> in flight (see
    /// <see cref="Begin(string, McpServer, ProgressToken?)"/>), with the caller's progress token when it sent one.
    /// </summary>
    public RelayCall Begin<TParams>(string upstreamNamespace, RequestContext<TParams> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Begin(upstreamNamespace, request.Server, (request.Params as RequestParams)?.ProgressToken);
    }

    /// <summary>The one caller session with calls in flight to the upstream; null when there is none or more than one.</summary>
    internal McpServer? SoleCaller(string upstreamNamespace) => SoleCall(upstreamNamespace)?.Caller;

    /// <summary>A call in flight of the one caller session with calls in flight to the upstream; null when there is none or more than one.</summary>
    internal RelayCall? SoleCall(string upstreamNamespace)
    {
        if (!_inFlight.TryGetValue(upstreamNamespace, out var calls))
        {
            return null;
        }

        RelayCall? sole = null;
        foreach (var (_, call) in calls)
        {
            if (sole is not null && !ReferenceEquals(sole.Caller, call.Caller))
            {
                return null;
            }

            sole ??= call;
        }

        return sole;
    }
}

/// <summary>
/// A call to an upstream in flight on a caller's behalf (<see cref="RelayCalls.Begin(string, McpServer, ProgressToken?)"/>).
/// Dispose it asynchronously before answering the caller: the notices relayed so far then reach the caller before the
/// result does (a caller stops listening for a call's progress once it has the result).
/// </summary>
public sealed class RelayCall : IDisposable, IAsyncDisposable
{
    // Bounds the wait for notices still being sent to a caller that stopped reading.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly OrderedSends _sends = new();
    private Action? _end;

    internal RelayCall(McpServer caller, Action end, ProgressToken? progressToken)
    {
        Caller = caller;
        _end = end;
        Progress = progressToken is { } token ? new ProgressRelay(this, token) : null;
    }

    /// <summary>Pass to the upstream call: what the upstream reports reaches the caller's progress token; null when the caller sent none.</summary>
    public IProgress<ProgressNotificationValue>? Progress { get; }

    /// <summary>The caller session (bound to the caller's request).</summary>
    internal McpServer Caller { get; }

    /// <summary>
    /// Completes once every progress notice and log message relayed to the caller so far was sent (or dropped). Await it
    /// before returning the call's result: the result ends the caller's response stream, a notice after it is lost.
    /// </summary>
    public Task DrainAsync() => _sends.DrainAsync();

    /// <summary>Ends the call: the upstream's messages no longer reach this caller.</summary>
    public void Dispose() => Interlocked.Exchange(ref _end, null)?.Invoke();

    /// <summary>Waits (at most <see cref="DrainTimeout"/>) for the notices relayed so far, then ends the call.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await DrainAsync().WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A caller that does not take its notices does not hold the result back.
        }

        Dispose();
    }

    /// <summary>Sends a notice to the caller after every one relayed before it (progress and log messages keep the upstream's order).</summary>
    internal void Send(Func<McpServer, Task> send) => _sends.Post(() => send(Caller));

    /// <summary>Progress the upstream reports, sent to the caller in order, each under the caller's own token.</summary>
    private sealed class ProgressRelay(RelayCall call, ProgressToken token) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => call.Send(caller => caller.NotifyProgressAsync(token, value));
    }
}
