using McpPlatform.Governance.Policy;
using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.Approval;

/// <summary>Fails start-up (with <c>ValidateOnStart</c>) listing every problem with <c>McpPlatform:Approval</c>.</summary>
public sealed class ApprovalOptionsValidator : IValidateOptions<ApprovalOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ApprovalOptions options)
    {
        var failures = Problems(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem, each naming the setting.</summary>
    public static IReadOnlyList<string> Problems(ApprovalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.TimeoutSeconds is < 1 or > ApprovalOptions.MaxTimeoutSeconds)
        {
            failures.Add($"McpPlatform:Approval:TimeoutSeconds must be between 1 and {ApprovalOptions.MaxTimeoutSeconds} (got {options.TimeoutSeconds}).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var at = $"McpPlatform:Approval:Rules:{i}";
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                failures.Add($"{at}:Name is required.");
            }
            else if (!names.Add(rule.Name))
            {
                failures.Add($"{at}:Name '{rule.Name}' is used by another approval rule.");
            }

            foreach (var access in rule.Access)
            {
                if (!AccessClass.TryParse(access, out _))
                {
                    failures.Add($"{at}:Access '{access}' is not Read, Write or Destructive.");
                }
            }

            if (rule.Tools.Length + rule.Access.Length + rule.Upstreams.Length + rule.Groups.Length == 0)
            {
                failures.Add($"{at} ('{rule.Name}') names no Tools, Access, Upstreams or Groups; use Tools [\"*\"] to cover every call.");
            }
        }

        return failures;
    }
}
