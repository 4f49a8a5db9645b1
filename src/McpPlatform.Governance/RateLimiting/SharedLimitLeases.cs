using System.Threading.RateLimiting;

namespace McpPlatform.Governance.RateLimiting;

/// <summary>The leases <see cref="CallerRateLimits"/> hands out for limits kept in an <see cref="ISharedLimitStore"/>.</summary>
internal static class SharedLimitLeases
{
    /// <summary>The reason phrase of a lease refused because the shared store is unavailable.</summary>
    public const string UnavailableReason = "the shared limit store (McpPlatform:Redis) is unavailable";

    public static RateLimitLease Token(SharedTake take) => take.Acquired ? Taken.Instance : new Refused(take.RetryAfter, null);

    public static RateLimitLease Slot(IDisposable? slot) => slot is null ? new Refused(null, null) : new Held(slot);

    public static RateLimitLease Unavailable() => new Refused(TimeSpan.FromSeconds(1), UnavailableReason);

    /// <summary>Whether <paramref name="lease"/> was refused because the shared store is unavailable, not because a limit was hit.</summary>
    public static bool IsUnavailable(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason) && reason == UnavailableReason;

    private sealed class Taken : RateLimitLease
    {
        public static readonly Taken Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class Held(IDisposable slot) : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                slot.Dispose();
            }
        }
    }

    private sealed class Refused(TimeSpan? retryAfter, string? reason) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames =>
            (retryAfter is null ? [] : new[] { MetadataName.RetryAfter.Name }).Concat(reason is null ? [] : [MetadataName.ReasonPhrase.Name]);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name && retryAfter is { } after ? after
                : metadataName == MetadataName.ReasonPhrase.Name ? reason
                : null;
            return metadata is not null;
        }
    }
}
