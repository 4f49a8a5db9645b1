using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Rollback;
using StackExchange.Redis;

namespace McpPlatform.Hosting.Fleet;

/// <summary>
/// The executions <c>rollback</c> can undo, in Redis for every replica: one string per execution (its compact journal,
/// expiring when its retention ends) and one sorted set of ids by the time they were kept, trimmed to
/// <c>McpPlatform:Rollback:MaxExecutions</c> in the same script (oldest first), so the store stays bounded.
/// </summary>
internal sealed class RedisExecutionStore(RedisConnection connection) : ISharedExecutionStore
{
    // KEYS[1] the execution, KEYS[2] the index; ARGV: bytes, lifetime ms, max executions, id, key prefix of executions.
    private const string Save = """
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZADD', KEYS[2], now, ARGV[4])
        local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
        if over > 0 then
          local oldest = redis.call('ZPOPMIN', KEYS[2], over)
          for i = 1, #oldest, 2 do
            redis.call('DEL', ARGV[5] .. oldest[i])
          end
        end
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return 1
        """;

    private string Prefix => connection.Prefix + "exec:";

    public async ValueTask SaveAsync(string id, byte[] execution, TimeSpan lifetime, int maxExecutions, CancellationToken cancellationToken = default)
    {
        await RunAsync(() => connection.Database.ScriptEvaluateAsync(
            Save,
            [Prefix + id, connection.Prefix + "exec-index"],
            [execution, Math.Max(1L, (long)lifetime.TotalMilliseconds), maxExecutions, id, Prefix])).ConfigureAwait(false);
    }

    public async ValueTask<byte[]?> LoadAsync(string id, CancellationToken cancellationToken = default)
    {
        var value = await RunAsync(() => connection.Database.StringGetAsync(Prefix + id)).ConfigureAwait(false);
        return value.IsNull ? null : (byte[]?)value;
    }

    public async ValueTask ReplaceAsync(string id, byte[] execution, CancellationToken cancellationToken = default)
    {
        await RunAsync(() => connection.Database.StringSetAsync(Prefix + id, execution, expiry: null, keepTtl: true, when: When.Exists)).ConfigureAwait(false);
    }

    private static async Task<T> RunAsync<T>(Func<Task<T>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            throw new SharedStateUnavailableException($"Redis did not answer: {failure.GetType().Name}", failure);
        }
    }
}
