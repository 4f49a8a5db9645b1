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
internal sealed class RedisLimitStore(RedisConnection connection, SlotReleases releases, IOptions<RedisOptions> options) : ISharedLimitStore
{
    private readonly string _memberPrefix = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12] + ":";
    private long _members;
    private readonly long _slotLifetimeMs = (long)options.Value.SlotLifetime.TotalMilliseconds;

    public SharedStateReads ReadsWhenUnavailable { get; } = options.Value.ReadsWhenUnavailable;

    public int RequestLeaseSize { get; } = options.Value.RequestBudgetLease;

    public bool IsConnected => connection.IsConnected;

    // A tenth of a slot's lifetime, at most five seconds: a call starting on a kept slot still has 90% of SlotLifetime.
    public TimeSpan SlotReuse { get; } = TimeSpan.FromTicks(Math.Min(options.Value.SlotLifetime.Ticks / 10, TimeSpan.FromSeconds(5).Ticks));

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

    // A single token is a lease of one: the lease script never grants more than asked.
    public async ValueTask<SharedTake> TakeTokenAsync(string key, TokenBucketSettings bucket, CancellationToken cancellationToken = default)
    {
        var lease = await TakeTokensAsync(key, bucket, most: 1, cancellationToken).ConfigureAwait(false);
        return new SharedTake(lease.Granted > 0, lease.RetryAfter);
    }

    public async ValueTask<IDisposable?> TryEnterAsync(string key, int limit, CancellationToken cancellationToken = default)
    {
        var slotKey = connection.Prefix + "slots:" + key;
        var member = NewMember();
        var released = releases.Take(slotKey);
        var answer = await RunWithReleasesAsync(RedisLimitScripts.EnterSlot, [slotKey], slotKey, released, limit, member, _slotLifetimeMs).ConfigureAwait(false);
        return (int)answer == 1 ? new Slot(releases, slotKey, member) : null;
    }

    public async ValueTask<SharedAdmission> AdmitCallAsync(
        string tokenKey, TokenBucketSettings bucket, string slotKey, int slotLimit, CancellationToken cancellationToken = default)
    {
        var periodMicroseconds = Math.Max(1L, (long)(bucket.ReplenishmentPeriod.TotalMilliseconds * 1000));
        var slots = connection.Prefix + "slots:" + slotKey;
        var member = NewMember();
        var released = releases.Take(slots);
        var answer = await RunWithReleasesAsync(
            RedisLimitScripts.AdmitCall,
            [connection.Prefix + "bucket:" + tokenKey, slots],
            slots,
            released,
            bucket.TokenLimit, bucket.TokensPerPeriod, periodMicroseconds, slotLimit, member, _slotLifetimeMs).ConfigureAwait(false);
        var values = (RedisResult[])answer!;
        return (int)values[0] != 1
            ? new SharedAdmission(new SharedTake(false, TimeSpan.FromMicroseconds((long)values[1])), null)
            : new SharedAdmission(new SharedTake(true, TimeSpan.Zero), (int)values[2] == 1 ? new Slot(releases, slots, member) : null);
    }

    // Unique among all replicas: this process's random prefix and a counter (cheaper than a Guid per call).
    private string NewMember() => string.Create(CultureInfo.InvariantCulture, $"{_memberPrefix}{Interlocked.Increment(ref _members)}");

    // The script's own arguments, then the slots of slotKey released since (carried here instead of a command each).
    private async Task<RedisResult> RunWithReleasesAsync(string script, RedisKey[] keys, string slotKey, List<RedisValue>? released, params RedisValue[] fixedArguments)
    {
        var arguments = fixedArguments;
        if (released is { Count: > 0 })
        {
            arguments = new RedisValue[fixedArguments.Length + released.Count];
            fixedArguments.CopyTo(arguments, 0);
            released.CopyTo(arguments, fixedArguments.Length);
        }

        try
        {
            return await RunAsync(script, keys, arguments).ConfigureAwait(false);
        }
        catch (SharedStateUnavailableException)
        {
            if (released is { Count: > 0 })
            {
                releases.Return(slotKey, released);
            }

            throw;
        }
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

    // Given back without a command of its own (SlotReleases); if Redis is gone meanwhile, the slot expires after SlotLifetime.
    private sealed class Slot(SlotReleases releases, string key, string member) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                releases.Release(key, member);
            }
        }
    }
}
