using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// The notifications of one upstream that must reach the caller before the result they belong to: progress of a call in
/// flight (by the progress token the portal chose for it) and the handlers registered by method (the relay's log messages).
/// </summary>
/// <remarks>
/// The SDK's client runs each incoming message's handler in its own task, so the response to tools/call can complete the
/// call before the handler of a notification the upstream sent just before it has run: the caller's response stream then
/// ends first and the notice is lost. <see cref="InOrderClientTransport"/> calls <see cref="Dispatch"/> on its single read
/// pump, before it passes the message on, so every notice is handed over (enqueued, in order) before the response is seen.
/// Handlers must therefore only enqueue, never wait.
/// </remarks>
internal sealed class InOrderNotifications
{
    private static readonly JsonTypeInfo<ProgressNotificationParams> ProgressJson =
        (JsonTypeInfo<ProgressNotificationParams>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ProgressNotificationParams));

    private readonly ConcurrentDictionary<string, IProgress<ProgressNotificationValue>> _progress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action<JsonRpcNotification>> _handlers = new(StringComparer.Ordinal);

    /// <summary>
    /// Calls <paramref name="handler"/> on the read pump for every notification <paramref name="method"/>, in the order
    /// received; replaces the method's earlier handler (configurators run again at every reconnect).
    /// </summary>
    public void Handle(string method, Action<JsonRpcNotification> handler) => _handlers[method] = handler;

    /// <summary>Reports progress with token <paramref name="token"/> to <paramref name="progress"/> until the returned scope is disposed.</summary>
    public IDisposable TrackProgress(string token, IProgress<ProgressNotificationValue> progress)
    {
        _progress[token] = progress;
        return new Untrack(() => _progress.TryRemove(token, out _));
    }

    /// <summary>Hands one notification to its sink; a failing sink never stops the pump.</summary>
    public void Dispatch(JsonRpcNotification notification)
    {
        try
        {
            if (notification.Method == NotificationMethods.ProgressNotification)
            {
                if (!_progress.IsEmpty && notification.Params is { } json && json.Deserialize(ProgressJson) is { } progress
                    && progress.ProgressToken.ToString() is { } token && _progress.TryGetValue(token, out var sink))
                {
                    sink.Report(progress.Progress);
                }

                return;
            }

            if (_handlers.TryGetValue(notification.Method, out var handler))
            {
                handler(notification);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // A malformed notice from the upstream is dropped; the session goes on.
        }
    }

    private sealed class Untrack(Action end) : IDisposable
    {
        private Action? _end = end;

        public void Dispose() => Interlocked.Exchange(ref _end, null)?.Invoke();
    }
}
