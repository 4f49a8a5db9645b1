using System.Diagnostics;
using McpPlatform.Governance.Telemetry;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>Code Mode's executions in metrics (by outcome) and the sandbox limit that stopped one (by the limit's setting name).</summary>
internal static class CodeModeTelemetry
{
    public static void Finished(Activity? span, SandboxResult outcome)
    {
        var limitSetting = LimitOf(outcome.Error);
        var result = outcome.Error is null ? "ok" : limitSetting is null ? "error" : "limit";
        span?.SetTag("mcpplatform.codemode.outcome", result);
        span?.SetTag("mcpplatform.codemode.inner_calls", outcome.InnerCalls);
        PlatformTelemetry.SandboxExecutions.Add(1, new KeyValuePair<string, object?>("mcpplatform.outcome", result));
        if (limitSetting is not null)
        {
            span?.SetTag("mcpplatform.codemode.limit", limitSetting);
            PlatformTelemetry.SandboxLimitHits.Add(1, new KeyValuePair<string, object?>("mcpplatform.limit", limitSetting));
        }
    }

    // Every sandbox limit's message names its setting (McpPlatform:CodeMode:Timeout, ...), so the caller learns which it hit.
    private static string? LimitOf(string? error)
    {
        const string Prefix = "McpPlatform:CodeMode:";
        var at = error?.IndexOf(Prefix, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var start = at + Prefix.Length;
        var end = start;
        while (end < error!.Length && char.IsAsciiLetterOrDigit(error[end]))
        {
            end++;
        }

        return end > start ? error[start..end] : null;
    }

    public static void Refused(string limit)
    {
        PlatformTelemetry.SandboxExecutions.Add(1, new KeyValuePair<string, object?>("mcpplatform.outcome", "refused"));
        PlatformTelemetry.SandboxLimitHits.Add(1, new KeyValuePair<string, object?>("mcpplatform.limit", limit));
    }
}
