using McpPlatform.Governance;
using McpPlatform.Governance.RateLimiting;

namespace McpPlatform.Hosting.Fleet;

/// <summary>
/// A fleet's shared state on Redis, bound from <c>McpPlatform:Redis</c>. Without <see cref="Configuration"/>
/// every limit stays in this process, as on a single server.
/// </summary>
public sealed class RedisOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = McpPlatformOptions.SectionName + ":Redis";

    /// <summary>A StackExchange.Redis connection string (<c>host:port,password=...,ssl=true</c>); empty: no fleet, limits in process.</summary>
    public string? Configuration { get; set; }

    /// <summary>Put before every key, so servers sharing one Redis keep apart (one prefix per server, shared by its replicas).</summary>
    public string KeyPrefix { get; set; } = "mcpplatform:";

    /// <summary>What reads (Read tools, the request budget, Code Mode executions) do while Redis cannot be reached; writes are always refused.</summary>
    public SharedStateReads ReadsWhenUnavailable { get; set; } = SharedStateReads.Allow;

    /// <summary>
    /// Up to how many tokens of a caller's request budget a replica takes from Redis at once and spends itself (one round
    /// trip per lease, not per request); fewer as the bucket runs low, and unspent ones lapse after a second. 1: every
    /// request asks Redis. What a lease can cost is in docs/fleet.md.
    /// </summary>
    public int RequestBudgetLease { get; set; } = 16;

    /// <summary>How long a concurrency slot lives if its replica dies before giving it back; longer than the longest call.</summary>
    public TimeSpan SlotLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an idle stateful session can still be continued on another replica (its handshake kept in Redis).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long a portal replica's quarantine hold (and its approved-manifest entry) lasts in Redis unless the replica
    /// renews it; it renews every third of this while it still sees the drift, so a dead replica's hold ends after at most this.
    /// </summary>
    public TimeSpan QuarantineHoldLifetime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one Redis command may take before the call counts Redis as unavailable.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether a fleet is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
