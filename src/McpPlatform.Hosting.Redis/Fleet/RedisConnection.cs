using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace McpPlatform.Hosting.Fleet;

/// <summary>
/// The one Redis connection of this replica. It never aborts start-up: when Redis is down the server starts, readiness
/// says so, and the client keeps reconnecting in the background. Commands fail fast while disconnected (no backlog),
/// so a call is refused at once instead of waiting for a Redis that is not there.
/// </summary>
internal sealed partial class RedisConnection : IDisposable
{
    private readonly ConnectionMultiplexer _multiplexer;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        var settings = options.Value;
        var configuration = ConfigurationOptions.Parse(settings.Configuration!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var timeout = (int)settings.CommandTimeout.TotalMilliseconds;
        configuration.AsyncTimeout = timeout;
        configuration.SyncTimeout = timeout;
        configuration.ConnectTimeout = Math.Max(timeout, 1000);
        configuration.ClientName ??= "mcp-platform";
        _multiplexer = ConnectionMultiplexer.Connect(configuration);
        _multiplexer.ConnectionFailed += (_, failure) => LogConnectionFailed(logger, failure.EndPoint?.ToString(), failure.FailureType.ToString(), failure.Exception);
        _multiplexer.ConnectionRestored += (_, restored) => LogConnectionRestored(logger, restored.EndPoint?.ToString());
        Prefix = settings.KeyPrefix;
    }

    /// <summary>Put before every key.</summary>
    public string Prefix { get; }

    /// <summary>The database commands go to.</summary>
    public IDatabase Database => _multiplexer.GetDatabase();

    /// <summary>Whether the client has a live connection now.</summary>
    public bool IsConnected => _multiplexer.IsConnected;

    public void Dispose() => _multiplexer.Dispose();

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Redis connection to {EndPoint} failed ({FailureType}): shared limits refuse writes until it is back")]
    private static partial void LogConnectionFailed(ILogger logger, string? endPoint, string failureType, Exception? failure);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Redis connection to {EndPoint} restored")]
    private static partial void LogConnectionRestored(ILogger logger, string? endPoint);
}
