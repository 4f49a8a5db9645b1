using System.Diagnostics;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Telemetry;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Gate;

/// <summary>What the gate reports to traces and metrics: the admission's verdict on its span, denials, limits and data-rule hits.</summary>
internal static class GateTelemetry
{
    public const string ToolTag = "mcp.tool.name";
    public const string RuleTag = "mcpplatform.rule";
    public const string DecisionTag = "mcpplatform.decision";
    public const string OutcomeTag = "mcpplatform.outcome";

    /// <summary>After an admission: its outcome on the span; a refusal counted as a call with its outcome, and by rule or limit.</summary>
    public static void Admitted(Activity? span, McpToolDescriptor tool, GateOutcome outcome)
    {
        var (auditOutcome, rule) = outcome switch
        {
            GateOutcome.Allowed => ((string?)null, (string?)null),
            GateOutcome.Denied denied => (AuditOutcomes.Denied, denied.Rule),
            GateOutcome.BlockedByDataRule blocked => (AuditOutcomes.Denied, "dlp:" + blocked.Rule),
            GateOutcome.RateLimited => (AuditOutcomes.RateLimited, null),
            _ => (AuditOutcomes.Refused, null),
        };
        span?.SetTag(DecisionTag, auditOutcome is null ? AuditDecisions.Allowed : AuditDecisions.Denied);
        if (auditOutcome is null)
        {
            return; // counted when it completes (ToolCallGate.Complete in Hosting), with ok or tool_error
        }

        span?.SetTag(OutcomeTag, auditOutcome);
        span?.SetTag(RuleTag, rule);
        PlatformTelemetry.ToolCalls.Add(1, new(ToolTag, tool.Name), new(OutcomeTag, auditOutcome));
        if (rule is not null)
        {
            PlatformTelemetry.Denials.Add(1, new(RuleTag, rule), new(ToolTag, tool.Name));
        }
        else if (outcome is GateOutcome.RateLimited limited)
        {
            PlatformTelemetry.RateLimited.Add(1, new("mcpplatform.limit", LimitOf(limited.What)), new(ToolTag, tool.Name));
        }
    }

    /// <summary>A completed call, counted with its outcome (ok or tool_error).</summary>
    public static void Completed(string tool, bool isError) =>
        PlatformTelemetry.ToolCalls.Add(1, new(ToolTag, tool), new(OutcomeTag, isError ? AuditOutcomes.ToolError : AuditOutcomes.Ok));

    /// <summary>Each fired data rule counted, by rule, where and action (block for the blocking rule, else redact).</summary>
    public static void DataRulesFired(Activity? span, IReadOnlyCollection<string> rules, string where, string? blockingRule)
    {
        if (rules.Count == 0)
        {
            return;
        }

        span?.SetTag("mcpplatform.dlp.rules", string.Join(',', rules));
        foreach (var rule in rules)
        {
            PlatformTelemetry.DataRuleHits.Add(1, new(RuleTag, rule), new("mcpplatform.dlp.where", where),
                new("mcpplatform.dlp.action", rule == blockingRule ? "block" : "redact"));
        }
    }

    // The refusal text names the limit; the metric tag is its short, bounded name.
    private static string LimitOf(string what) =>
        what.StartsWith("too many calls of", StringComparison.Ordinal) ? "tool"
        : what.StartsWith("too many tool calls running", StringComparison.Ordinal) ? "concurrency"
        : what == RateLimiting.SharedLimitLeases.UnavailableReason ? "shared-store-unavailable"
        : "call-limit";
}
