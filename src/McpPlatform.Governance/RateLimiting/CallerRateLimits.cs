using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.RateLimiting;

/// <summary>
/// The caller's limiters: a token bucket per caller, one per (caller, tool), and a concurrency cap per
/// caller. In one process they are System.Threading.RateLimiting limiters (idle partitions reclaimed by
/// the partitioned limiters themselves); with an <see cref="ISharedLimitStore"/> (a fleet on Redis) every
/// replica takes from the same buckets and slots. While the store is unreachable a governed call (Write,
/// Destructive) is refused, fail closed, and a read follows <see cref="ISharedLimitStore.ReadsWhenUnavailable"/>:
/// this replica's own limiters, or refused too.
/// </summary>
public sealed class CallerRateLimits : IDisposable
{
    private readonly RateLimitOptions _settings;
    private readonly ISharedLimitStore? _shared;
    private readonly PartitionedRateLimiter<string>? _perCaller;
    private readonly PartitionedRateLimiter<(string Caller, string Tool)>? _perTool;
    private readonly PartitionedRateLimiter<string>? _concurrency;
    private readonly LeasedTokens? _requestLeases;
    private readonly LeasedTokens? _toolLeases;
    private readonly LeasedSlots? _slots;

    /// <summary>Builds the limiters from configuration; <paramref name="shared"/> makes them fleet-wide.</summary>
    public CallerRateLimits(IOptions<RateLimitOptions> options, ISharedLimitStore? shared = null)
    {
        _settings = options.Value;
        if (!_settings.Enabled)
        {
            return;
        }

        _shared = shared;
        _requestLeases = shared is null ? null : new LeasedTokens(shared, _settings.PerCaller);
        _toolLeases = shared is null ? null : new LeasedTokens(shared, _settings.PerTool);
        _slots = shared is null ? null : new LeasedSlots(shared);
        var settings = _settings;
        _perCaller = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetTokenBucketLimiter(caller, _ => Bucket(settings.PerCaller)));
        _perTool = PartitionedRateLimiter.Create<(string Caller, string Tool), (string, string)>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(settings.PerTool)));
        _concurrency = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetConcurrencyLimiter(caller, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.ConcurrentCallsPerCaller,
            QueueLimit = 0,
        }));
    }

    /// <summary>Whether any limit applies.</summary>
    public bool Enabled => _perCaller is not null;

    /// <summary>Whether the limits are shared by a fleet (an <see cref="ISharedLimitStore"/> is configured).</summary>
    public bool IsShared => _shared is not null;

    /// <summary>
    /// Takes one request from the caller's bucket (a request counts as a read while the shared store is down). In a fleet
    /// the tokens come from a lease of this replica's (<see cref="LeasedTokens"/>), so most requests cost no round trip.
    /// </summary>
    public ValueTask<RateLimitLease> AcquireRequestAsync(string caller, CancellationToken cancellationToken = default)
    {
        if (_perCaller is null)
        {
            return new(Unlimited.Lease);
        }

        if (_requestLeases is null)
        {
            return new(_perCaller.AttemptAcquire(caller));
        }

        var take = _requestLeases.TakeAsync("req:" + caller, cancellationToken);
        return take.IsCompletedSuccessfully ? new(SharedLimitLeases.Token(take.Result)) : AwaitRequestAsync(take, caller);
    }

    /// <summary>Takes one call of <paramref name="tool"/> from the caller's bucket for it.</summary>
    public ValueTask<RateLimitLease> AcquireToolCallAsync(string caller, string tool, bool isRead, CancellationToken cancellationToken = default) =>
        _perTool is null ? new(Unlimited.Lease)
        : _shared is null ? new(_perTool.AttemptAcquire((caller, tool)))
        : SharedTokenAsync(ToolKey(caller, tool), isRead, () => _perTool.AttemptAcquire((caller, tool)), cancellationToken);

    /// <summary>
    /// A tool call's limits: one call of <paramref name="tool"/> from the caller's bucket for it, then (only when taken) one of
    /// the caller's concurrent-call slots, held until that lease is disposed. In a fleet the token comes from a lease of this
    /// replica's (<see cref="LeasedTokens"/>) and the slot from those it keeps (<see cref="LeasedSlots"/>), so most calls cost no
    /// store round trip. <c>Concurrency</c> is null when the tool lease was refused.
    /// </summary>
    public async ValueTask<(RateLimitLease Tool, RateLimitLease? Concurrency)> AcquireToolCallAndSlotAsync(
        string caller, string tool, bool isRead, CancellationToken cancellationToken = default)
    {
        if (_shared is null || _perTool is null || _concurrency is null)
        {
            var toolLease = await AcquireToolCallAsync(caller, tool, isRead, cancellationToken).ConfigureAwait(false);
            return toolLease.IsAcquired ? (toolLease, await AcquireConcurrentCallAsync(caller, isRead, cancellationToken).ConfigureAwait(false)) : (toolLease, null);
        }

        try
        {
            var token = await _toolLeases!.TakeAsync(ToolKey(caller, tool), cancellationToken).ConfigureAwait(false);
            var toolLease = SharedLimitLeases.Token(token);
            if (!toolLease.IsAcquired)
            {
                return (toolLease, null);
            }

            var slot = await _slots!.TryEnterAsync(CallsKey(caller), _settings.ConcurrentCallsPerCaller, cancellationToken).ConfigureAwait(false);
            return (toolLease, SharedLimitLeases.Slot(slot));
        }
        catch (SharedStateUnavailableException)
        {
            if (!isRead || _shared.ReadsWhenUnavailable != SharedStateReads.Allow)
            {
                return (SharedLimitLeases.Unavailable(), null);
            }

            var toolLease = _perTool.AttemptAcquire((caller, tool));
            return toolLease.IsAcquired ? (toolLease, _concurrency.AttemptAcquire(caller)) : (toolLease, null);
        }
    }

    /// <summary>Holds one of the caller's concurrent-call slots until the lease is disposed.</summary>
    public async ValueTask<RateLimitLease> AcquireConcurrentCallAsync(string caller, bool isRead, CancellationToken cancellationToken = default)
    {
        if (_concurrency is null)
        {
            return Unlimited.Lease;
        }

        if (_shared is null)
        {
            return _concurrency.AttemptAcquire(caller);
        }

        try
        {
            return SharedLimitLeases.Slot(await _slots!.TryEnterAsync(CallsKey(caller), _settings.ConcurrentCallsPerCaller, cancellationToken).ConfigureAwait(false));
        }
        catch (SharedStateUnavailableException)
        {
            return isRead && _shared.ReadsWhenUnavailable == SharedStateReads.Allow ? _concurrency.AttemptAcquire(caller) : SharedLimitLeases.Unavailable();
        }
    }

    /// <summary>Seconds until a rejected lease may succeed, when the limiter says.</summary>
    public static int? RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : null;

    /// <summary>Whether <paramref name="lease"/> was refused because the shared limit store is unreachable (not because a limit was hit).</summary>
    public static bool IsUnavailable(RateLimitLease lease) => SharedLimitLeases.IsUnavailable(lease);

    /// <inheritdoc />
    public void Dispose()
    {
        _perCaller?.Dispose();
        _perTool?.Dispose();
        _concurrency?.Dispose();
        _slots?.Dispose();
    }

    private static string CallsKey(string caller) => "calls:" + caller;

    private static string ToolKey(string caller, string tool) => $"tool:{caller}{tool.Length}:{tool}";

    private async ValueTask<RateLimitLease> SharedTokenAsync(
        string key, bool isRead, Func<RateLimitLease> local, CancellationToken cancellationToken)
    {
        try
        {
            return SharedLimitLeases.Token(await _toolLeases!.TakeAsync(key, cancellationToken).ConfigureAwait(false));
        }
        catch (SharedStateUnavailableException)
        {
            return isRead && _shared!.ReadsWhenUnavailable == SharedStateReads.Allow ? local() : SharedLimitLeases.Unavailable();
        }
    }

    private async ValueTask<RateLimitLease> AwaitRequestAsync(ValueTask<SharedTake> take, string caller)
    {
        try
        {
            return SharedLimitLeases.Token(await take.ConfigureAwait(false));
        }
        catch (SharedStateUnavailableException)
        {
            return _shared!.ReadsWhenUnavailable == SharedStateReads.Allow ? _perCaller!.AttemptAcquire(caller) : SharedLimitLeases.Unavailable();
        }
    }

    private static TokenBucketRateLimiterOptions Bucket(TokenBucketSettings settings) => new()
    {
        TokenLimit = settings.TokenLimit,
        TokensPerPeriod = settings.TokensPerPeriod,
        ReplenishmentPeriod = settings.ReplenishmentPeriod,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private sealed class Unlimited : RateLimitLease
    {
        public static readonly Unlimited Lease = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
