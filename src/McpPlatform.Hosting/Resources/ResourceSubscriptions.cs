using System.Collections.Concurrent;
using McpPlatform.Governance.Resources;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Resources;

/// <summary>
/// Which sessions subscribed to which resource URIs (resources/subscribe), and the one way to
/// tell them a resource changed: <see cref="NotifyUpdatedAsync"/> sends
/// <c>notifications/resources/updated</c> to every subscribed session. Needs stateful sessions
/// (McpPlatform:SessionMode = Stateful): a stateless request has no session to notify later.
/// Sessions are keyed by session id, because the SDK hands each request its own server object.
/// </summary>
public sealed partial class ResourceSubscriptions(ILogger<ResourceSubscriptions> logger)
{
    /// <summary>How many URIs one session may subscribe to, so a client cannot grow the table without bound.</summary>
    public const int MaxPerSession = 1_000;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, McpServer>> _byUri = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _perSession = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="session"/> wants updates of <paramref name="uri"/>; false when it is at its limit.</summary>
    /// <exception cref="InvalidOperationException">The session has no id (stateless mode), so it cannot be notified later.</exception>
    public bool Subscribe(McpServer session, string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var id = SessionId(session);
        var sessions = _byUri.GetOrAdd(uri, static _ => new ConcurrentDictionary<string, McpServer>(StringComparer.Ordinal));
        if (sessions.ContainsKey(id))
        {
            sessions[id] = session;
            return true;
        }

        if (_perSession.AddOrUpdate(id, 1, static (_, count) => count + 1) > MaxPerSession)
        {
            _perSession.AddOrUpdate(id, 0, static (_, count) => count - 1);
            return false;
        }

        if (!sessions.TryAdd(id, session))
        {
            _perSession.AddOrUpdate(id, 0, static (_, count) => count - 1);
        }

        return true;
    }

    /// <summary>Stops updates of <paramref name="uri"/> to <paramref name="session"/>; false when it was not subscribed.</summary>
    public bool Unsubscribe(McpServer session, string uri)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(uri);
        return session.SessionId is { } id && Remove(id, uri);
    }

    /// <summary>How many sessions are subscribed to <paramref name="uri"/>.</summary>
    public int SubscriberCount(string uri) => _byUri.TryGetValue(uri, out var sessions) ? sessions.Count : 0;

    /// <summary>
    /// Sends <c>notifications/resources/updated</c> for <paramref name="uri"/> to every subscribed
    /// session; a session that can no longer be reached is dropped. Returns how many were notified.
    /// </summary>
    public async Task<int> NotifyUpdatedAsync(string uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!_byUri.TryGetValue(uri, out var sessions))
        {
            return 0;
        }

        var notified = 0;
        foreach (var (id, session) in sessions)
        {
            try
            {
                await session.SendNotificationAsync(
                    NotificationMethods.ResourceUpdatedNotification,
                    new ResourceUpdatedNotificationParams { Uri = uri },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                notified++;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                LogDropped(logger, uri, ex.GetType().Name);
                Remove(id, uri);
            }
        }

        return notified;
    }

    private bool Remove(string sessionId, string uri)
    {
        if (!_byUri.TryGetValue(uri, out var sessions) || !sessions.TryRemove(sessionId, out _))
        {
            return false;
        }

        _perSession.AddOrUpdate(sessionId, 0, static (_, count) => count - 1);
        return true;
    }

    private static string SessionId(McpServer session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.SessionId
            ?? throw new InvalidOperationException("Resource subscriptions need a session to notify: set McpPlatform:SessionMode to Stateful.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped a subscription to {Uri}: the session could not be notified ({Failure})")]
    private static partial void LogDropped(ILogger logger, string uri, string failure);
}
