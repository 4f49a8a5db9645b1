using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.CodeMode;

/// <summary>Fails start-up on Code Mode limits that are missing, unbounded or could never admit a script.</summary>
internal sealed class CodeModeOptionsValidator : IValidateOptions<CodeModeOptions>
{
    private const string Prefix = "McpPlatform:CodeMode:";

    public ValidateOptionsResult Validate(string? name, CodeModeOptions options)
    {
        var failures = new List<string>();
        if (CodeModeQuery.Parse(options.Default) is null)
        {
            failures.Add($"{Prefix}Default must be '{CodeModeQuery.Tools}' or '{CodeModeQuery.SearchAndExecute}' (got '{options.Default}').");
        }

        Positive(failures, nameof(options.Timeout), options.Timeout, TimeSpan.FromMinutes(5));
        Positive(failures, nameof(options.RegexTimeout), options.RegexTimeout, TimeSpan.FromMinutes(1));
        AtLeast(failures, nameof(options.MaxStatements), options.MaxStatements, 1, int.MaxValue - 1);
        AtLeast(failures, nameof(options.MemoryLimitBytes), options.MemoryLimitBytes, 1024 * 1024, long.MaxValue - 1);
        AtLeast(failures, nameof(options.MaxRecursionDepth), options.MaxRecursionDepth, 1, 10_000);
        AtLeast(failures, nameof(options.MaxArrayLength), options.MaxArrayLength, 1, uint.MaxValue - 1);
        AtLeast(failures, nameof(options.MaxInnerCalls), options.MaxInnerCalls, 0, 100_000);
        AtLeast(failures, nameof(options.MaxResultBytes), options.MaxResultBytes, 256, 64 * 1024 * 1024);
        AtLeast(failures, nameof(options.MaxLogBytes), options.MaxLogBytes, 0, 64 * 1024 * 1024);
        AtLeast(failures, nameof(options.MaxAuditedCodeLength), options.MaxAuditedCodeLength, 0, 1024 * 1024);
        AtLeast(failures, nameof(options.MaxConcurrentExecutionsPerCaller), options.MaxConcurrentExecutionsPerCaller, 1, 1024);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string setting, TimeSpan value, TimeSpan max)
    {
        if (value <= TimeSpan.Zero || value > max)
        {
            failures.Add($"{Prefix}{setting} must be greater than zero and at most {max} (got {value}).");
        }
    }

    private static void AtLeast(List<string> failures, string setting, long value, long min, long max)
    {
        // The upper bounds keep every limit a real one: Jint treats its maximum values as "no limit".
        if (value < min || value > max)
        {
            failures.Add($"{Prefix}{setting} must be between {min} and {max} (got {value}).");
        }
    }
}
