using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.RateLimiting;

/// <summary>
/// The caller's limiters (System.Threading.RateLimiting): a token bucket per caller, one per
/// (caller, tool), and a concurrency cap per caller. Idle partitions are reclaimed by the
/// partitioned limiters themselves.
/// </summary>
public sealed class CallerRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _perCaller;
    private readonly PartitionedRateLimiter<(string Caller, string Tool)>? _perTool;
    private readonly PartitionedRateLimiter<string>? _concurrency;

    /// <summary>Builds the limiters from configuration.</summary>
    public CallerRateLimits(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

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

    /// <summary>Takes one request from the caller's bucket.</summary>
    public RateLimitLease AcquireRequest(string caller) => _perCaller?.AttemptAcquire(caller) ?? Unlimited.Lease;

    /// <summary>Takes one call of <paramref name="tool"/> from the caller's bucket for it.</summary>
    public RateLimitLease AcquireToolCall(string caller, string tool) => _perTool?.AttemptAcquire((caller, tool)) ?? Unlimited.Lease;

    /// <summary>Holds one of the caller's concurrent-call slots until the lease is disposed.</summary>
    public RateLimitLease AcquireConcurrentCall(string caller) => _concurrency?.AttemptAcquire(caller) ?? Unlimited.Lease;

    /// <summary>Seconds until a rejected lease may succeed, when the limiter says.</summary>
    public static int? RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : null;

    /// <inheritdoc />
    public void Dispose()
    {
        _perCaller?.Dispose();
        _perTool?.Dispose();
        _concurrency?.Dispose();
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
