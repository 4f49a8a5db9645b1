using System.Threading.Channels;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// Wraps an upstream's client transport so that notifications are handed to <see cref="InOrderNotifications"/> in the
/// order the upstream sent them, before any later message (the call's response above all) reaches the SDK's client.
/// </summary>
internal sealed class InOrderClientTransport(IClientTransport inner, InOrderNotifications notifications) : IClientTransport
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var connected = await inner.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return new Pumped(connected, notifications);
    }

    /// <summary>One session: a single pump reads the inner transport in order and forwards every message.</summary>
    private sealed class Pumped : ITransport
    {
        private readonly ITransport _inner;
        private readonly InOrderNotifications _notifications;
        private readonly Channel<JsonRpcMessage> _forwarded = Channel.CreateUnbounded<JsonRpcMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        private readonly Task _pump;

        public Pumped(ITransport inner, InOrderNotifications notifications)
        {
            _inner = inner;
            _notifications = notifications;
            _pump = Task.Run(PumpAsync);
        }

        public string? SessionId => _inner.SessionId;

        public ChannelReader<JsonRpcMessage> MessageReader => _forwarded.Reader;

        public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default) =>
            _inner.SendMessageAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
            await _pump.ConfigureAwait(false); // ends with the inner reader, which the inner transport's disposal completes
        }

        private async Task PumpAsync()
        {
            Exception? ended = null;
            try
            {
                await foreach (var message in _inner.MessageReader.ReadAllAsync().ConfigureAwait(false))
                {
                    if (message is JsonRpcNotification notification)
                    {
                        _notifications.Dispatch(notification); // enqueues only: see InOrderNotifications
                    }

                    _forwarded.Writer.TryWrite(message); // notifications too: the SDK's own handlers (list_changed...) still run
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The inner reader completed with an error (ClientTransportClosedException carries why the session ended):
                // pass it on unchanged, the SDK's client reports the session's end from it.
                ended = e;
            }

            _forwarded.Writer.TryComplete(ended);
        }
    }
}
