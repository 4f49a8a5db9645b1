using McpPlatform.Governance.Tools;
using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.Policy;

/// <summary>Fails start-up (with <c>ValidateOnStart</c>) listing every problem with the tool policy.</summary>
/// <param name="catalog">The server's tools, which the policy's rules must name.</param>
public sealed class PolicyOptionsValidator(ToolDescriptorSet catalog) : IValidateOptions<PolicyOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PolicyOptions options)
    {
        var failures = PolicyValidator.Validate(options, catalog);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
