using System.Text.Json;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using StackExchange.Redis;

namespace McpPlatform.Hosting.Fleet;

/// <summary>
/// Stateful sessions that continue on any replica, through the MCP SDK's <see cref="ISessionMigrationHandler"/>: the
/// replica that served <c>initialize</c> stores the handshake (client info, capabilities, protocol version) in Redis
/// with the caller it belongs to; a replica that gets a request with a session id it does not know takes the session
/// over, only for the same caller (issuer, subject, client). What the SDK cannot move (a server-to-client request in
/// flight: sampling, elicitation) stays with the replica that sent it; see docs/fleet.md.
/// </summary>
internal sealed partial class RedisSessionMigration(
    RedisConnection connection, CallerIdentityResolver callers, IOptions<RedisOptions> options, ILogger<RedisSessionMigration> logger) : ISessionMigrationHandler
{
    private readonly TimeSpan _lifetime = options.Value.SessionLifetime;

    public async ValueTask OnSessionInitializedAsync(HttpContext context, string sessionId, InitializeRequestParams initializeParams, CancellationToken cancellationToken)
    {
        var stored = new StoredSession(CallerKey(context), JsonSerializer.Serialize(initializeParams, McpJsonUtilities.DefaultOptions));
        try
        {
            await connection.Database.StringSetAsync(Key(sessionId), JsonSerializer.Serialize(stored, FleetJson.Default.StoredSession), _lifetime).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            // The session still works on this replica; only its move to another one is lost.
            LogNotStored(logger, failure);
        }
    }

    public async ValueTask<InitializeRequestParams?> AllowSessionMigrationAsync(HttpContext context, string sessionId, CancellationToken cancellationToken)
    {
        RedisValue value;
        try
        {
            value = await connection.Database.StringGetSetExpiryAsync(Key(sessionId), _lifetime).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            LogNotRead(logger, failure);
            return null; // unknown here: the client starts a new session
        }

        if (value.IsNullOrEmpty || JsonSerializer.Deserialize((string)value!, FleetJson.Default.StoredSession) is not { } stored)
        {
            return null;
        }

        // A session id is not a credential: only the caller that opened the session may continue it elsewhere.
        if (!string.Equals(stored.Caller, CallerKey(context), StringComparison.Ordinal))
        {
            LogOtherCaller(logger);
            return null;
        }

        return JsonSerializer.Deserialize<InitializeRequestParams>(stored.InitializeParams, McpJsonUtilities.DefaultOptions);
    }

    private string Key(string sessionId) => connection.Prefix + "session:" + sessionId;

    private string CallerKey(HttpContext context) => CallerPartition.Key(callers.Resolve(context.User));

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "A new session could not be stored in Redis: it continues on this replica only")]
    private static partial void LogNotStored(ILogger logger, Exception failure);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "A session from another replica could not be read from Redis: the client must start a new one")]
    private static partial void LogNotRead(ILogger logger, Exception failure);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "A request presented another caller's session id: refused")]
    private static partial void LogOtherCaller(ILogger logger);
}

/// <summary>What Redis keeps of a session: whose it is and its handshake.</summary>
internal sealed record StoredSession(string Caller, string InitializeParams);

[System.Text.Json.Serialization.JsonSerializable(typeof(StoredSession))]
internal sealed partial class FleetJson : System.Text.Json.Serialization.JsonSerializerContext;
