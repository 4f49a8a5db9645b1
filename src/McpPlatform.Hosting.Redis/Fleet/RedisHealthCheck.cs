using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace McpPlatform.Hosting.Fleet;

/// <summary>
/// Ready while Redis answers a PING: without it this replica refuses governed calls (shared limits fail closed), so it
/// should get no traffic. Registered only when <c>McpPlatform:Redis:Configuration</c> is set.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection connection) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await connection.Database.PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis answers ({latency.TotalMilliseconds:0.0} ms)");
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            // Short and secret-free: the connection string (with its password) never appears in a probe answer.
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis is unreachable: shared limits refuse writes until it is back");
        }
    }
}
