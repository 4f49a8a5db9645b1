using System.Globalization;
using McpPlatform.Governance.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace McpPlatform.Hosting.Fleet;

/// <summary>
/// Token buckets and concurrency slots kept in Redis, shared by every replica with the same
/// <see cref="RedisOptions.KeyPrefix"/>; each step is one Lua script (<see cref="RedisLimitScripts"/>), so one round trip
/// and atomic. A connection or command failure is <see cref="SharedStateUnavailableException"/>.
/// </summary>
internal sealed class RedisLimitStore(RedisConnection connection, IOptions<RedisOptions> options) : ISharedLimitStore
{
    private readonly long _slotLifetimeMs = (long)options.Value.SlotLifetime.TotalMilliseconds;

    public SharedStateReads ReadsWhenUnavailable { get; } = options.Value.ReadsWhenUnavailable;

    public int RequestLeaseSize { get; } = options.Value.RequestBudgetLease;

    public bool IsConnected => connection.IsConnected;

    public async ValueTask<SharedLease> TakeTokensAsync(string key, TokenBucketSettings bucket, int most, CancellationToken cancellationToken = default)
    {
        var periodMicroseconds = Math.Max(1L, (long)(bucket.ReplenishmentPeriod.TotalMilliseconds * 1000));
        var answer = await RunAsync(
            RedisLimitScripts.TakeTokens,
            connection.Prefix + "bucket:" + key,
            [bucket.TokenLimit, bucket.TokensPerPeriod, periodMicroseconds, most]).ConfigureAwait(false);
        var values = (RedisResult[])answer!;
        var granted = (int)values[0];
        return new SharedLease(granted, granted > 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds((long)values[1]));
    }

    public async ValueTask<SharedTake> TakeWindowPermitAsync(string key, int permits, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var answer = await RunAsync(
            RedisLimitScripts.TakeWindowPermit,
            connection.Prefix + "window:" + key,
            [permits, Math.Max(1L, (long)window.TotalMilliseconds)]).ConfigureAwait(false);
        var values = (RedisResult[])answer!;
        return (int)values[0] == 1 ? new SharedTake(true, TimeSpan.Zero) : new SharedTake(false, TimeSpan.FromMilliseconds((long)values[1]));
    }

    public async ValueTask<SharedTake> TakeTokenAsync(string key, TokenBucketSettings bucket, CancellationToken cancellationToken = default)
    {
        var periodMicroseconds = Math.Max(1L, (long)(bucket.ReplenishmentPeriod.TotalMilliseconds * 1000));
        var answer = await RunAsync(
            RedisLimitScripts.TakeToken,
            connection.Prefix + "bucket:" + key,
            [bucket.TokenLimit, bucket.TokensPerPeriod, periodMicroseconds]).ConfigureAwait(false);
        var values = (RedisResult[])answer!;
        return (int)values[0] == 1
            ? new SharedTake(true, TimeSpan.Zero)
            : new SharedTake(false, TimeSpan.FromMicroseconds((long)values[1]));
    }

    public async ValueTask<IDisposable?> TryEnterAsync(string key, int limit, CancellationToken cancellationToken = default)
    {
        var slotKey = connection.Prefix + "slots:" + key;
        var member = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        var answer = await RunAsync(RedisLimitScripts.EnterSlot, slotKey, [limit, member, _slotLifetimeMs]).ConfigureAwait(false);
        return (int)answer == 1 ? new Slot(connection, slotKey, member) : null;
    }

    public async ValueTask<SharedAdmission> AdmitCallAsync(
        string tokenKey, TokenBucketSettings bucket, string slotKey, int slotLimit, CancellationToken cancellationToken = default)
    {
        var periodMicroseconds = Math.Max(1L, (long)(bucket.ReplenishmentPeriod.TotalMilliseconds * 1000));
        var slots = connection.Prefix + "slots:" + slotKey;
        var member = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        var answer = await RunAsync(
            RedisLimitScripts.AdmitCall,
            [connection.Prefix + "bucket:" + tokenKey, slots],
            [bucket.TokenLimit, bucket.TokensPerPeriod, periodMicroseconds, slotLimit, member, _slotLifetimeMs]).ConfigureAwait(false);
        var values = (RedisResult[])answer!;
        return (int)values[0] != 1
            ? new SharedAdmission(new SharedTake(false, TimeSpan.FromMicroseconds((long)values[1])), null)
            : new SharedAdmission(new SharedTake(true, TimeSpan.Zero), (int)values[2] == 1 ? new Slot(connection, slots, member) : null);
    }

    private Task<RedisResult> RunAsync(string script, string key, RedisValue[] arguments) => RunAsync(script, [key], arguments);

    private async Task<RedisResult> RunAsync(string script, RedisKey[] keys, RedisValue[] arguments)
    {
        try
        {
            return await connection.Database.ScriptEvaluateAsync(script, keys, arguments).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            throw new SharedStateUnavailableException($"Redis did not answer: {failure.GetType().Name}", failure);
        }
    }

    // Given back without waiting: if Redis is gone meanwhile, the slot expires after SlotLifetime.
    private sealed class Slot(RedisConnection connection, string key, string member) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                connection.Database.SortedSetRemove(key, member, CommandFlags.FireAndForget);
            }
            catch (Exception failure) when (failure is RedisException or TimeoutException)
            {
                // Redis is unreachable: the slot's own expiry frees it.
            }
        }
    }
}
