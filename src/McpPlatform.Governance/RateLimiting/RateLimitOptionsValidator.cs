using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.RateLimiting;

/// <summary>Fails start-up on limits that could never admit a call or never refill.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.PerCaller), options.PerCaller);
        Check(failures, nameof(options.PerTool), options.PerTool);
        if (options.ConcurrentCallsPerCaller < 1)
        {
            failures.Add($"McpPlatform:RateLimits:ConcurrentCallsPerCaller must be at least 1 (got {options.ConcurrentCallsPerCaller}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string name, TokenBucketSettings bucket)
    {
        if (bucket.TokenLimit < 1 || bucket.TokensPerPeriod < 1 || bucket.ReplenishmentPeriod <= TimeSpan.Zero)
        {
            failures.Add($"McpPlatform:RateLimits:{name} needs TokenLimit >= 1, TokensPerPeriod >= 1 and a positive ReplenishmentPeriod " +
                $"(got {bucket.TokenLimit}, {bucket.TokensPerPeriod}, {bucket.ReplenishmentPeriod}).");
        }
    }
}
