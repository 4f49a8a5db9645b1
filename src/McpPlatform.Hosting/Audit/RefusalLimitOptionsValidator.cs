using McpPlatform.Governance.Audit;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Audit;

/// <summary>Fails start-up with a message naming the bad <c>McpPlatform:Audit:RefusalLimit</c> setting.</summary>
internal sealed class RefusalLimitOptionsValidator : IValidateOptions<RefusalLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RefusalLimitOptions options)
    {
        var failures = new List<string>();
        if (options.PermitLimit < 1)
        {
            failures.Add($"{RefusalLimitOptions.SectionName}:PermitLimit must be at least 1 (it is {options.PermitLimit}).");
        }

        if (options.Window < TimeSpan.FromSeconds(1) || options.Window > TimeSpan.FromDays(1))
        {
            failures.Add($"{RefusalLimitOptions.SectionName}:Window must be between 00:00:01 and 1.00:00:00 (it is {options.Window:c}).");
        }

        if (options.MaxAddresses is < 1 or > RefusalLimitOptions.MaxAddressesLimit)
        {
            failures.Add($"{RefusalLimitOptions.SectionName}:MaxAddresses must be between 1 and {RefusalLimitOptions.MaxAddressesLimit} (it is {options.MaxAddresses}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
