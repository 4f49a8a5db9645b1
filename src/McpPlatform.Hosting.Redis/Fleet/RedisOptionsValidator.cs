using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace McpPlatform.Hosting.Fleet;

/// <summary>Fails start-up on a Redis setting that cannot work, naming the setting.</summary>
internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        try
        {
            ConfigurationOptions.Parse(options.Configuration!);
        }
        catch (ArgumentException failure)
        {
            failures.Add($"{RedisOptions.SectionName}:Configuration is not a Redis connection string: {failure.Message}");
        }

        if (string.IsNullOrEmpty(options.KeyPrefix))
        {
            failures.Add($"{RedisOptions.SectionName}:KeyPrefix must not be empty.");
        }

        if (options.SlotLifetime < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{RedisOptions.SectionName}:SlotLifetime must be at least one second (got {options.SlotLifetime}).");
        }

        if (options.QuarantineHoldLifetime < TimeSpan.FromMilliseconds(300))
        {
            failures.Add($"{RedisOptions.SectionName}:QuarantineHoldLifetime must be at least 300 ms (got {options.QuarantineHoldLifetime}).");
        }

        if (options.RequestBudgetLease is < 1 or > 1000)
        {
            failures.Add($"{RedisOptions.SectionName}:RequestBudgetLease must be between 1 and 1000 (got {options.RequestBudgetLease}).");
        }

        if (options.CommandTimeout < TimeSpan.FromMilliseconds(10))
        {
            failures.Add($"{RedisOptions.SectionName}:CommandTimeout must be at least 10 ms (got {options.CommandTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
