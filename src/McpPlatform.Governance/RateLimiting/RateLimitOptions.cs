namespace McpPlatform.Governance.RateLimiting;

/// <summary>Per-caller limits, bound from <c>McpPlatform:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = McpPlatformOptions.SectionName + ":RateLimits";

    /// <summary>Off only for benchmarks and load tests.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Every MCP request of one caller (HTTP 429 with Retry-After when exhausted).</summary>
    public TokenBucketSettings PerCaller { get; set; } = new() { TokenLimit = 600, TokensPerPeriod = 600, ReplenishmentPeriod = TimeSpan.FromMinutes(1) };

    /// <summary>Calls of one tool by one caller, direct and from Code Mode alike.</summary>
    public TokenBucketSettings PerTool { get; set; } = new() { TokenLimit = 300, TokensPerPeriod = 300, ReplenishmentPeriod = TimeSpan.FromMinutes(1) };

    /// <summary>Tool calls one caller may have running at once.</summary>
    public int ConcurrentCallsPerCaller { get; set; } = 16;
}

/// <summary>A token bucket: <see cref="TokenLimit"/> calls at once, refilled by <see cref="TokensPerPeriod"/> every <see cref="ReplenishmentPeriod"/>.</summary>
public sealed class TokenBucketSettings
{
    /// <summary>The bucket size: the burst allowed.</summary>
    public int TokenLimit { get; set; }

    /// <summary>Tokens added each period.</summary>
    public int TokensPerPeriod { get; set; }

    /// <summary>How often tokens are added.</summary>
    public TimeSpan ReplenishmentPeriod { get; set; }
}
