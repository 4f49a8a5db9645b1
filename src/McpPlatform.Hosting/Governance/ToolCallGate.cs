using System.Text.Json;
using McpPlatform.Hosting.Audit;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Policy;
using McpPlatform.Hosting.Governance.RateLimiting;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Hosting.Tools;
using McpPlatform.Governance.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Governance;

/// <summary>
/// The one place every tool call passes, direct or from Code Mode: the policy decision and the
/// data-loss rules on the arguments, the caller's per-tool rate limit and concurrency cap, the
/// intent record of a governed call, the tool, and the data-loss rules on its result. A refused
/// call never reaches the tool and comes back as a tool error that says why.
/// </summary>
public sealed partial class ToolCallGate(
    PolicyDecisionPoint policy,
    CallerRateLimits limits,
    IOptions<ResourceServerOptions> authentication,
    IOptions<AuditOptions> auditOptions,
    DlpEngine dlp,
    IServiceProvider services,
    ILogger<ToolCallGate> logger)
{
    private readonly bool _governed = authentication.Value.Enabled;
    private readonly bool _failClosedReads = auditOptions.Value.FailClosedReads;
    private readonly AuditLog? _audit = services.GetService<AuditLog>();

    /// <summary>Whether callers are authenticated and policy applies (off only in Development by explicit setting).</summary>
    public bool IsGoverned => _governed;

    /// <summary>True when nothing would look at a call: governance, data-loss rules, limits and audit all off (benchmarks, local experiments).</summary>
    public bool IsPassThrough { get; } = !authentication.Value.Enabled && !dlp.Enabled && !limits.Enabled && services.GetService<AuditLog>() is null;

    /// <summary>The policy's verdict for one caller and tool; always allowed when governance is off.</summary>
    public PolicyDecision Decide(CallerIdentity caller, McpToolDescriptor tool) =>
        _governed
            ? policy.Decide(caller, tool)
            : new PolicyDecision(true, tool.Name, tool.Access, "governance-off", "Authentication is switched off (Development only), so policy does not apply.", []);

    /// <summary>
    /// Runs <paramref name="invoke"/> if policy and limits allow it, filling in the current
    /// request's audit record; governed calls wait until their intent record is written.
    /// </summary>
    public async ValueTask<CallToolResult> InvokeAsync(
        CallerIdentity caller,
        McpToolDescriptor tool,
        IDictionary<string, JsonElement>? arguments,
        Func<IDictionary<string, JsonElement>?, CancellationToken, ValueTask<CallToolResult>> invoke,
        CancellationToken cancellationToken)
    {
        var record = AuditScope.Current;
        var decision = Decide(caller, tool);

        // Data-loss rules run for every call, so even a denied call's audit record holds only redacted arguments.
        var inspected = dlp.InspectArguments(tool, arguments);
        if (record is not null)
        {
            record.Tool = tool.Name;
            record.Access = decision.Access.ToString();
            record.Decision = decision.Allowed && !inspected.IsBlocked ? "allowed" : "denied";
            record.Rule = decision.Allowed && inspected.IsBlocked ? "dlp:" + inspected.Rule : decision.Rule;
            record.Arguments = inspected.IsBlocked ? null : AuditArguments.Describe(tool, inspected.Arguments, _audit?.Limits ?? AuditFieldLimits.Default);
        }

        if (!decision.Allowed)
        {
            LogDenied(logger, tool.Name, caller.Subject, decision.Rule);
            return Finish(record, "denied", ToolResults.Error($"Denied by policy: {decision.Rule}. {decision.Reason}"));
        }

        if (inspected.IsBlocked)
        {
            LogDenied(logger, tool.Name, caller.Subject, "dlp:" + inspected.Rule);
            return Finish(record, "denied", ToolResults.Error($"Blocked by data-loss rule: {inspected.Message}"));
        }

        if (limits.Enabled)
        {
            var key = RateLimitKey(caller);
            using var toolLease = limits.AcquireToolCall(key, tool.Name);
            if (!toolLease.IsAcquired)
            {
                return Finish(record, "rate_limited", RateLimited(tool, caller, toolLease, $"too many calls of '{tool.Name}'"));
            }

            using var concurrencyLease = limits.AcquireConcurrentCall(key);
            if (!concurrencyLease.IsAcquired)
            {
                return Finish(record, "rate_limited", RateLimited(tool, caller, concurrencyLease, "too many tool calls running at once for this caller"));
            }

            return await RunAsync(record, decision, tool, inspected.Arguments, invoke, cancellationToken).ConfigureAwait(false);
        }

        return await RunAsync(record, decision, tool, inspected.Arguments, invoke, cancellationToken).ConfigureAwait(false);
    }

    // The intent record (governed calls), the tool, and the data-loss rules on its result.
    private async ValueTask<CallToolResult> RunAsync(
        AuditRecord? record,
        PolicyDecision decision,
        McpToolDescriptor tool,
        IDictionary<string, JsonElement>? arguments,
        Func<IDictionary<string, JsonElement>?, CancellationToken, ValueTask<CallToolResult>> invoke,
        CancellationToken cancellationToken)
    {
        if (_audit is not null && record is not null && (decision.Access != ToolAccess.Read || _failClosedReads))
        {
            try
            {
                await _audit.WriteAsync(record.AsIntent(), durable: true, cancellationToken).ConfigureAwait(false);
            }
            catch (AuditUnavailableException failure)
            {
                record.Error = "audit unavailable";
                return Finish(record, "refused", ToolResults.Error(failure.Message));
            }
        }

        var result = dlp.RedactResult(tool, await invoke(arguments, cancellationToken).ConfigureAwait(false), out var resultRules);
        if (record is not null)
        {
            record.ResultBytes = AuditResultBytes.Of(result);
            if (resultRules.Contains(DlpEngine.ScanLimitRule))
            {
                record.Error = "dlp:" + DlpEngine.ScanLimitRule; // the result was withheld or cut at McpPlatform:Dlp:MaxScannedChars
            }
        }

        return Finish(record, result.IsError == true ? "tool_error" : "ok", result);
    }

    private static CallToolResult Finish(AuditRecord? record, string outcome, CallToolResult result)
    {
        if (record is not null)
        {
            record.Outcome = outcome;
        }

        return result;
    }

    /// <summary>The partition a caller's limits are counted in: issuer, subject and client together.</summary>
    public static string RateLimitKey(CallerIdentity caller) => CallerPartition.Key(caller);

    private CallToolResult RateLimited(McpToolDescriptor tool, CallerIdentity caller, System.Threading.RateLimiting.RateLimitLease lease, string what)
    {
        LogRateLimited(logger, tool.Name, caller.Subject);
        var retry = CallerRateLimits.RetryAfterSeconds(lease) is { } seconds ? $" Retry after {seconds} s." : string.Empty;
        return ToolResults.Error($"Rate limited: {what}.{retry}");
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Tool {Tool} denied to {Subject} by policy rule {Rule}")]
    private static partial void LogDenied(ILogger logger, string tool, string subject, string rule);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Tool {Tool} call by {Subject} rate limited")]
    private static partial void LogRateLimited(ILogger logger, string tool, string subject);
}
