using McpPlatform.Governance.RateLimiting;
using McpPlatform.Hosting.Governance.Approval;
using StackExchange.Redis;

namespace McpPlatform.Hosting.Fleet;

/// <summary>
/// Approval <c>requestState</c>s already used, in Redis: one key per nonce, set only when absent (so exactly one replica
/// admits the answer) and expiring after the state's deadline plus <see cref="RedisExecutionJournals.Grace"/>; a state past
/// its deadline is refused as expired before it gets here, so the keys stay bounded by the answers of one approval timeout.
/// Redis unreachable: <see cref="SharedStateUnavailableException"/>, and the answer is refused (fail closed).
/// </summary>
internal sealed class RedisUsedRequestStates(RedisConnection connection, TimeProvider time) : IUsedRequestStates
{
    public bool TryUse(string nonce, DateTimeOffset deadline)
    {
        var lifetime = deadline + RedisExecutionJournals.Grace - time.GetUtcNow();
        try
        {
            // Synchronous, as the interface is: one SET NX on loopback, bounded by McpPlatform:Redis:CommandTimeout.
            return connection.Database.StringSet(
                connection.Prefix + "used-state:" + nonce, 1, lifetime > TimeSpan.FromSeconds(1) ? lifetime : TimeSpan.FromSeconds(1), When.NotExists);
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            throw new SharedStateUnavailableException($"Redis did not answer: {failure.GetType().Name}", failure);
        }
    }
}
