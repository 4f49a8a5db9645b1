using System.Text.Json;
using McpPlatform.Governance.Approval;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.Governance.RateLimiting;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Governance;

/// <summary>
/// The one place every tool call passes, direct or from Code Mode, as the MCP server sees it: the
/// governance core's admission (<see cref="GovernanceGate"/>: policy, data rules on the arguments,
/// the caller's per-tool rate limit and concurrency cap, the intent record of a governed call), the
/// tool, and the data rules on its result. A refused call never reaches the tool and comes back as a
/// tool error that says why; callers that answer in another shape (resources, prompts, completions,
/// Code Mode) take the typed outcome from <see cref="AdmitAsync"/> instead.
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
    private readonly GovernanceGate _core = new(
        policy,
        dlp,
        limits,
        services.GetService<AuditLog>(),
        new GateSettings(authentication.Value.Enabled, auditOptions.Value.FailClosedReads),
        [.. services.GetServices<IToolAdmissionRule>()],
        [.. services.GetServices<IToolCallLimit>()],
        services.GetService<ApprovalPolicy>());

    /// <summary>Whether callers are authenticated and policy applies (off only in Development by explicit setting).</summary>
    public bool IsGoverned => _core.IsGoverned;

    /// <summary>True when nothing would look at a call: governance, data-loss rules, limits and audit all off (benchmarks, local experiments).</summary>
    public bool IsPassThrough { get; } = !authentication.Value.Enabled && !dlp.Enabled && !limits.Enabled && services.GetService<AuditLog>() is null
        && !services.GetServices<IToolAdmissionRule>().Any() && !services.GetServices<IToolCallLimit>().Any();

    /// <summary>The policy's verdict for one caller and tool (what lists show); always allowed when governance is off.</summary>
    public PolicyDecision Decide(CallerIdentity caller, McpToolDescriptor tool) => _core.Decide(caller, tool);

    /// <summary>False when no call of <paramref name="caller"/> can be refused for scopes a new token could carry (step-up).</summary>
    public bool CouldRequireStepUp(CallerIdentity caller) => _core.CouldRequireStepUp(caller);

    /// <summary>
    /// The admission of one call, filling in the current request's audit record; governed calls wait until
    /// their intent record is written. Dispose the outcome when the call has ended, and complete an allowed
    /// one with <see cref="Complete"/>.
    /// </summary>
    internal async ValueTask<GateOutcome> AdmitAsync(
        CallerIdentity caller, McpToolDescriptor tool, IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken, IApprovalAsker? asker = null)
    {
        var outcome = await _core.AdmitAsync(caller, tool, arguments, AuditScope.Current, cancellationToken, asker).ConfigureAwait(false);
        switch (outcome)
        {
            case GateOutcome.Denied denied:
                LogDenied(logger, tool.Name, caller.Subject, denied.Rule);
                break;
            case GateOutcome.BlockedByDataRule blocked:
                LogDenied(logger, tool.Name, caller.Subject, "dlp:" + blocked.Rule);
                break;
            case GateOutcome.RateLimited:
                LogRateLimited(logger, tool.Name, caller.Subject);
                break;
            case GateOutcome.ApprovalRefused refused:
                LogApprovalRefused(logger, tool.Name, caller.Subject, refused.Answer.AuditValue);
                break;
        }

        return outcome;
    }

    /// <summary>
    /// The data rules on a result of an allowed call, and its end on the audit record: the result the caller gets.
    /// </summary>
    internal CallToolResult Complete(GateOutcome.Allowed allowed, McpToolDescriptor tool, CallToolResult result)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        // A Write or Destructive call of an execution is kept for rollback (docs/rollback.md); no work outside one.
        McpPlatform.Hosting.Rollback.ExecutionScope.Record(tool, allowed.Arguments, result);
        var redacted = dlp.RedactResult(tool, result, out var resultRules);
        GateTelemetry.DataRulesFired(System.Diagnostics.Activity.Current, resultRules, "result", blockingRule: null);
        GateTelemetry.Completed(tool.Name, redacted.IsError == true);
        // The size is measured only for the audit record (it walks every text block of the result).
        allowed.Complete(redacted.IsError == true, allowed.IsAudited ? AuditResultBytes.Of(redacted) : 0, resultRules);
        return redacted;
    }

    /// <summary>
    /// Runs <paramref name="invoke"/> if policy and limits allow it (and the user approved it, where an approval rule
    /// says so: <paramref name="asker"/> asks), filling in the current request's audit record; governed calls wait
    /// until their intent record is written.
    /// </summary>
    public async ValueTask<CallToolResult> InvokeAsync(
        CallerIdentity caller,
        McpToolDescriptor tool,
        IDictionary<string, JsonElement>? arguments,
        Func<IDictionary<string, JsonElement>?, CancellationToken, ValueTask<CallToolResult>> invoke,
        CancellationToken cancellationToken,
        IApprovalAsker? asker = null)
    {
        using var outcome = await AdmitAsync(caller, tool, arguments, cancellationToken, asker).ConfigureAwait(false);
        if (outcome is not GateOutcome.Allowed allowed)
        {
            return Refusal(outcome);
        }

        CallToolResult result;
        using (var span = McpPlatform.Governance.Telemetry.PlatformTelemetry.Start("tool"))
        {
            span?.SetTag(GateTelemetry.ToolTag, tool.Name);
            span?.SetTag("mcpplatform.tool.origin", tool.Origin.ToString());
            result = await invoke(allowed.Arguments, cancellationToken).ConfigureAwait(false);
            span?.SetTag("mcpplatform.tool.is_error", result.IsError == true);
        }

        return Complete(allowed, tool, result);
    }

    /// <summary>A refusal as the MCP tool error the caller reads.</summary>
    internal static CallToolResult Refusal(GateOutcome refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return ToolResults.Error(refused.RefusalMessage ?? throw new ArgumentException("The call was allowed, not refused.", nameof(refused)));
    }

    /// <summary>The partition a caller's limits are counted in: issuer, subject and client together.</summary>
    public static string RateLimitKey(CallerIdentity caller) => CallerPartition.Key(caller);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Tool {Tool} denied to {Subject} by policy rule {Rule}")]
    private static partial void LogDenied(ILogger logger, string tool, string subject, string rule);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Tool {Tool} call by {Subject} not approved: {Approval}")]
    private static partial void LogApprovalRefused(ILogger logger, string tool, string subject, string approval);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Tool {Tool} call by {Subject} rate limited")]
    private static partial void LogRateLimited(ILogger logger, string tool, string subject);
}
