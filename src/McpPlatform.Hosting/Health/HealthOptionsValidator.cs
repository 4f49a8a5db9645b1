using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Health;

/// <summary>Fails start-up with a message naming the bad McpPlatform:Health setting.</summary>
internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var failures = new List<string>();
        var (min, max) = HealthOptions.TimeoutRange;
        if (options.Timeout < min || options.Timeout > max)
        {
            failures.Add(
                $"{HealthOptions.SectionName}:Timeout must be between {min:c} and {max:c} (it is {options.Timeout:c}): " +
                "it is how long one readiness check may wait for the identity provider or the secret store.");
        }

        if (options.SecretStoreProbeInterval < TimeSpan.Zero || options.SecretStoreProbeInterval > HealthOptions.MaxSecretStoreProbeInterval)
        {
            failures.Add(
                $"{HealthOptions.SectionName}:SecretStoreProbeInterval must be between 00:00:00 and {HealthOptions.MaxSecretStoreProbeInterval:c} " +
                $"(it is {options.SecretStoreProbeInterval:c}): it is how long a readiness answer of the secret store is reused.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
