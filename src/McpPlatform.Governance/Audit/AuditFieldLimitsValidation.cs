using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.Audit;

/// <summary>Start-up checks of <see cref="AuditOptions.MaxFieldChars"/> and <see cref="AuditOptions.MaxArgumentsChars"/>.</summary>
internal static class AuditFieldLimitsValidation
{
    public static ValidateOptionsResult Validate(AuditOptions options)
    {
        var failures = new List<string>();
        if (options.MaxFieldChars is < AuditOptions.MinFieldChars or > AuditOptions.MaxFieldCharsLimit)
        {
            failures.Add(
                $"McpPlatform:Audit:MaxFieldChars must be between {AuditOptions.MinFieldChars} and {AuditOptions.MaxFieldCharsLimit} (it is {options.MaxFieldChars}): " +
                "it caps every audited string so no request can write an unbounded record.");
        }

        if (options.MaxArgumentsChars < options.MaxFieldChars || options.MaxArgumentsChars > AuditOptions.MaxFieldCharsLimit)
        {
            failures.Add(
                $"McpPlatform:Audit:MaxArgumentsChars must be between McpPlatform:Audit:MaxFieldChars ({options.MaxFieldChars}) and {AuditOptions.MaxFieldCharsLimit} (it is {options.MaxArgumentsChars}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
