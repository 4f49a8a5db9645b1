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
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, McpServer>> _inFlight = new(StringComparer.Ordinal);
    private long _nextCall;

    /// <summary>
    /// Marks a call of <paramref name="caller"/>'s to upstream <paramref name="upstreamNamespace"/> in flight until the returned
    /// scope is disposed; its <see cref="RelayCall.Progress"/> reports the upstream's progress to the caller's progress token.
    /// </summary>
    public RelayCall Begin(string upstreamNamespace, McpServer caller, ProgressToken? progressToken)
    {
        ArgumentNullException.ThrowIfNull(upstreamNamespace);
        ArgumentNullException.ThrowIfNull(caller);
        var calls = _inFlight.GetOrAdd(upstreamNamespace, static _ => new ConcurrentDictionary<long, McpServer>());
        var id = Interlocked.Increment(ref _nextCall);
        calls[id] = caller;
        var progress = progressToken is { } token ? new ProgressRelay(caller, token) : null;
        return new RelayCall(() => calls.TryRemove(id, out _), progress, progress is null ? null : () => progress.Sent);
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
    internal McpServer? SoleCaller(string upstreamNamespace)
    {
        if (!_inFlight.TryGetValue(upstreamNamespace, out var calls))
        {
            return null;
        }

        McpServer? sole = null;
        foreach (var (_, caller) in calls)
        {
            if (sole is not null && !ReferenceEquals(sole, caller))
            {
                return null;
            }

            sole = caller;
        }

        return sole;
    }

    /// <summary>Progress the upstream reports, sent to the caller in order, each under the caller's own token.</summary>
    private sealed class ProgressRelay(McpServer caller, ProgressToken token) : IProgress<ProgressNotificationValue>
    {
        private readonly Lock _order = new();
        private Task _sent = Task.CompletedTask;

        /// <summary>Completes when every progress notice reported so far has been sent (or dropped).</summary>
        public Task Sent
        {
            get
            {
                lock (_order)
                {
                    return _sent;
                }
            }
        }

        public void Report(ProgressNotificationValue value)
        {
            lock (_order)
            {
                // A caller that went away must not fail the upstream call: a progress notice it cannot take is dropped.
                _sent = _sent.ContinueWith(
                    async _ =>
                    {
                        try
                        {
                            await caller.NotifyProgressAsync(token, value).ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is not OutOfMemoryException)
                        {
                            // dropped, see above
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.None,
                    TaskScheduler.Default).Unwrap();
            }
        }
    }
}

/// <summary>
/// A call to an upstream in flight on a caller's behalf (<see cref="RelayCalls.Begin(string, McpServer, ProgressToken?)"/>).
/// Dispose it asynchronously before answering the caller: the upstream's last progress notices then reach the caller
/// before the result does (a caller stops listening for a call's progress once it has the result).
/// </summary>
public sealed class RelayCall : IDisposable, IAsyncDisposable
{
    // Bounds the wait for progress notices still being sent to a caller that stopped reading.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly Func<Task>? _progressSent;
    private Action? _end;

    internal RelayCall(Action end, IProgress<ProgressNotificationValue>? progress, Func<Task>? progressSent)
    {
        _end = end;
        Progress = progress;
        _progressSent = progressSent;
    }

    /// <summary>Pass to the upstream call: what the upstream reports reaches the caller's progress token; null when the caller sent none.</summary>
    public IProgress<ProgressNotificationValue>? Progress { get; }

    /// <summary>Ends the call: the upstream's messages no longer reach this caller.</summary>
    public void Dispose() => Interlocked.Exchange(ref _end, null)?.Invoke();

    /// <summary>Waits (briefly) until the progress reported so far has been sent to the caller, then ends the call.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_progressSent is not null)
        {
            try
            {
                await _progressSent().WaitAsync(DrainTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // a caller that does not take its progress does not hold the result
            }
        }

        Dispose();
    }
}
