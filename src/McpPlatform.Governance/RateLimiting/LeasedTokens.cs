using System.Collections.Concurrent;
using System.Diagnostics;

namespace McpPlatform.Governance.RateLimiting;

/// <summary>
/// Request-budget tokens this replica took from the shared store in one step and spends locally, so a caller's requests
/// cost one store round trip per lease, not per request. Every token spent here was taken from the shared bucket first,
/// so the fleet never admits more than the limit; what a lease can cost is tokens held here unspent while the caller's
/// requests go to another replica. Three bounds keep that small: a lease is at most
/// <see cref="ISharedLimitStore.RequestLeaseSize"/> tokens, the store grants less as the bucket runs low (one at a time
/// near empty), and an unspent lease lapses after <see cref="Lifetime"/> (so tokens held across a refill cannot add to
/// the next burst). Leased tokens are spent only while the store is connected (<see cref="ISharedLimitStore.IsConnected"/>),
/// so an outage applies at once (reads, writes) as without a lease. Entries of callers without a live lease are dropped when the table grows.
/// </summary>
internal sealed class LeasedTokens(ISharedLimitStore store, TokenBucketSettings bucket)
{
    /// <summary>How long tokens of one lease may be spent.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private const int SweepAbove = 4096;
    private static readonly long LifetimeTicks = (long)(Lifetime.TotalSeconds * Stopwatch.Frequency);

    private readonly ConcurrentDictionary<string, Lease> _leases = new(StringComparer.Ordinal);
    private readonly int _size = Math.Max(1, store.RequestLeaseSize);

    /// <summary>One token of <paramref name="key"/>'s budget: from this replica's lease when it has one, else from the store.</summary>
    public ValueTask<SharedTake> TakeAsync(string key, CancellationToken cancellationToken)
    {
        if (_size > 1 && store.IsConnected && _leases.TryGetValue(key, out var lease) && lease.TrySpend())
        {
            return new(new SharedTake(true, TimeSpan.Zero));
        }

        return _size == 1 ? store.TakeTokenAsync(key, bucket, cancellationToken) : LeaseAsync(key, cancellationToken);
    }

    private async ValueTask<SharedTake> LeaseAsync(string key, CancellationToken cancellationToken)
    {
        var granted = await store.TakeTokensAsync(key, bucket, _size, cancellationToken).ConfigureAwait(false);
        if (granted.Granted == 0)
        {
            return new SharedTake(false, granted.RetryAfter);
        }

        if (granted.Granted > 1)
        {
            if (_leases.Count > SweepAbove)
            {
                Sweep();
            }

            // One token is this request's; the rest replace whatever lapsed or ran out here (concurrent requests may
            // each have leased; every token was taken from the shared bucket, so none is spent twice).
            _leases[key] = new Lease(granted.Granted - 1);
        }

        return new SharedTake(true, TimeSpan.Zero);
    }

    private void Sweep()
    {
        foreach (var (key, lease) in _leases)
        {
            if (!lease.IsLive)
            {
                _leases.TryRemove(new KeyValuePair<string, Lease>(key, lease));
            }
        }
    }

    private sealed class Lease(int tokens)
    {
        private readonly long _until = Stopwatch.GetTimestamp() + LifetimeTicks;
        private int _tokens = tokens;

        public bool IsLive => Volatile.Read(ref _tokens) > 0 && Stopwatch.GetTimestamp() < _until;

        public bool TrySpend()
        {
            if (Stopwatch.GetTimestamp() >= _until)
            {
                return false;
            }

            while (true)
            {
                var tokens = Volatile.Read(ref _tokens);
                if (tokens <= 0)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _tokens, tokens - 1, tokens) == tokens)
                {
                    return true;
                }
            }
        }
    }
}
