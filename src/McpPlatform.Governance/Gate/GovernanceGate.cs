using System.Text.Json;
using System.Threading.RateLimiting;
using McpPlatform.Governance.Approval;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Telemetry;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Gate;

/// <summary>
/// The admission every call passes before its tool runs, whatever the tool's origin and whatever protocol
/// carries the call: the policy decision, the data rules on the arguments, the caller's per-tool rate
/// limit and concurrency cap, and the intent record of a governed call. It answers with a typed
/// <see cref="GateOutcome"/> and fills in the call's audit record; it never runs the tool and knows no
/// protocol type (the MCP host turns outcomes into results: <c>ToolCallGate</c> in McpPlatform.Hosting).
/// </summary>
/// <param name="policy">The policy, consulted when <see cref="GateSettings.Governed"/>.</param>
/// <param name="dlp">The data rules; they run for every call, so even a denied call's record holds only redacted arguments.</param>
/// <param name="limits">The caller's limiters.</param>
/// <param name="audit">The audit log, or null when auditing is off (no intent records).</param>
/// <param name="settings">Whether policy applies and whether reads are fail-closed too.</param>
/// <param name="admissionRules">Checks made before policy, also when governance is off (a portal's audiences, quarantine).</param>
/// <param name="callLimits">Limits on admitted calls besides the caller's (a portal's per-upstream budget), also when the caller's limits are off.</param>
/// <param name="approvals">Which allowed calls need the user's confirmation first (only while governed); none when null.</param>
public sealed class GovernanceGate(
    PolicyDecisionPoint policy,
    DlpEngine dlp,
    CallerRateLimits limits,
    AuditLog? audit,
    GateSettings settings,
    IReadOnlyList<IToolAdmissionRule>? admissionRules = null,
    IReadOnlyList<IToolCallLimit>? callLimits = null,
    ApprovalPolicy? approvals = null)
{
    private readonly ApprovalPolicy _approvals = approvals ?? ApprovalPolicy.None;
    private readonly IToolAdmissionRule[] _admissionRules = [.. admissionRules ?? []];
    private readonly IToolCallLimit[] _callLimits = [.. callLimits ?? []];

    /// <summary>Whether callers are authenticated and policy applies.</summary>
    public bool IsGoverned => settings.Governed;

    /// <summary>
    /// The policy's verdict for one caller and tool (what lists show, too); always allowed (rule <c>governance-off</c>)
    /// when policy does not apply. A tool whose origin declares <see cref="McpToolDescriptor.Scopes"/> is denied
    /// (<see cref="PolicyDecisionIds.InsufficientScope"/>) to a token that lacks any of them, even where a rule grants it.
    /// </summary>
    public PolicyDecision Decide(CallerIdentity caller, McpToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(tool);
        foreach (var rule in _admissionRules)
        {
            if (rule.Refuse(caller, tool) is { } refusal)
            {
                return refusal;
            }
        }

        if (!settings.Governed)
        {
            return new PolicyDecision(true, tool.Name, tool.Access, "governance-off", "Authentication is switched off (Development only), so policy does not apply.", []);
        }

        var decision = policy.Decide(caller, tool);
        if (!decision.Allowed || tool.Scopes.Count == 0)
        {
            return decision;
        }

        if (HasAll(caller, tool.Scopes))
        {
            return decision;
        }

        var missing = tool.Scopes.Where(scope => !caller.HasScope(scope)).ToArray();
        return decision with
            {
                Allowed = false,
                Rule = PolicyDecisionIds.InsufficientScope,
                Reason = $"Tool '{tool.Name}' needs the scopes its {tool.Origin} source declares ({string.Join(", ", tool.Scopes)}); the token lacks {string.Join(", ", missing)}.",
                MissingScopes = missing,
            };
    }

    /// <summary>
    /// False when no <see cref="Decide"/> for <paramref name="caller"/> can come back with
    /// <see cref="PolicyDecision.RequiredScopes"/> (see <see cref="PolicyDecisionPoint.CouldRequireStepUp"/>); admission
    /// rules and the origin's scopes never name scopes to step up to, and nothing does when policy does not apply.
    /// </summary>
    public bool CouldRequireStepUp(CallerIdentity caller) => settings.Governed && policy.CouldRequireStepUp(caller);

    /// <summary>
    /// Decides whether <paramref name="caller"/>'s call of <paramref name="tool"/> with <paramref name="arguments"/>
    /// may run, filling in <paramref name="record"/> (tool, access, decision, rule, redacted arguments; the
    /// outcome of a refusal). A governed call (any call but a Read, and a Read too with fail-closed reads)
    /// is allowed only once its intent record is on disk.
    /// </summary>
    /// <param name="caller">Who calls.</param>
    /// <param name="tool">What is called.</param>
    /// <param name="arguments">The arguments as given.</param>
    /// <param name="record">The call's audit record, or null when nothing is audited.</param>
    /// <param name="cancellationToken">Ends the wait for the intent record.</param>
    /// <param name="asker">Asks the user when an approval rule covers the call; null where nobody can be asked (such a call is refused).</param>
    /// <returns>The outcome; dispose it when the call has ended (an allowed call holds the caller's leases).</returns>
    public async ValueTask<GateOutcome> AdmitAsync(
        CallerIdentity caller,
        McpToolDescriptor tool,
        IDictionary<string, JsonElement>? arguments,
        AuditRecord? record,
        CancellationToken cancellationToken,
        IApprovalAsker? asker = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(tool);
        using var span = PlatformTelemetry.Start("gate");
        span?.SetTag(GateTelemetry.ToolTag, tool.Name);
        var outcome = await AdmitCoreAsync(caller, tool, arguments, record, asker, cancellationToken).ConfigureAwait(false);
        GateTelemetry.Admitted(span, tool, outcome);
        return outcome;
    }

    private async ValueTask<GateOutcome> AdmitCoreAsync(
        CallerIdentity caller,
        McpToolDescriptor tool,
        IDictionary<string, JsonElement>? arguments,
        AuditRecord? record,
        IApprovalAsker? asker,
        CancellationToken cancellationToken)
    {
        PolicyDecision decision;
        using (var policySpan = PlatformTelemetry.Start("policy"))
        {
            decision = Decide(caller, tool);
            policySpan?.SetTag(GateTelemetry.RuleTag, decision.Rule);
            policySpan?.SetTag(GateTelemetry.DecisionTag, decision.Allowed ? AuditDecisions.Allowed : AuditDecisions.Denied);
        }

        DlpArgumentsResult inspected;
        using (var dlpSpan = PlatformTelemetry.Start("dlp.arguments"))
        {
            inspected = dlp.InspectArguments(tool, arguments);
            GateTelemetry.DataRulesFired(dlpSpan, inspected.FiredRules, "arguments", inspected.IsBlocked ? inspected.Rule : null);
        }

        if (record is not null)
        {
            record.Tool = tool.Name;
            record.Access = decision.Access.ToString();
            record.Decision = decision.Allowed && !inspected.IsBlocked ? AuditDecisions.Allowed : AuditDecisions.Denied;
            record.Rule = decision.Allowed && inspected.IsBlocked ? "dlp:" + inspected.Rule : decision.Rule;
            record.Arguments = inspected.IsBlocked ? null : AuditArguments.Describe(tool, inspected.Arguments, audit?.Limits ?? AuditFieldLimits.Default);
        }

        if (!decision.Allowed)
        {
            return Refused(record, AuditOutcomes.Denied, new GateOutcome.Denied(decision));
        }

        if (inspected.IsBlocked)
        {
            return Refused(record, AuditOutcomes.Denied, new GateOutcome.BlockedByDataRule(inspected.Rule, inspected.Message));
        }

        // The user's confirmation comes before the limits, so no lease is held while a person thinks.
        if (settings.Governed && _approvals.RequiringRule(caller, tool) is { } approvalRule
            && await AskAsync(caller, tool, decision.Access, approvalRule, inspected.Arguments, record, asker, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        RateLimitLease? toolLease = null;
        RateLimitLease? concurrencyLease = null;
        using var limitSpan = limits.Enabled ? PlatformTelemetry.Start("limits") : null;
        limitSpan?.SetTag("mcpplatform.limits.shared", limits.IsShared);
        if (limits.Enabled)
        {
            // With limits shared by a fleet, an unreachable store refuses governed calls (fail closed); reads follow its setting.
            var key = CallerPartition.Key(caller);
            var isRead = decision.Access == ToolAccess.Read;
            // The tool bucket and the concurrency slot: in a fleet one Redis round trip for both.
            (toolLease, concurrencyLease) = await limits.AcquireToolCallAndSlotAsync(key, tool.Name, isRead, cancellationToken).ConfigureAwait(false);
            if (!toolLease.IsAcquired || concurrencyLease is null)
            {
                return LimitRefused(record, toolLease, $"too many calls of '{tool.Name}'");
            }

            if (!concurrencyLease.IsAcquired)
            {
                toolLease.Dispose();
                return LimitRefused(record, concurrencyLease, "too many tool calls running at once for this caller");
            }
        }

        if (_callLimits.Length > 0 && await TakeCallLimitsAsync(caller, tool, decision.Access == ToolAccess.Read, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            concurrencyLease?.Dispose();
            toolLease?.Dispose();
            return LimitRefused(record, limited.Lease, limited.What);
        }

        var allowed = new GateOutcome.Allowed(decision, inspected.Arguments, record, toolLease, concurrencyLease);
        if (audit is not null && record is not null && (decision.Access != ToolAccess.Read || settings.FailClosedReads))
        {
            try
            {
                using var auditSpan = PlatformTelemetry.Start("audit.intent");
                await audit.WriteAsync(record.AsIntent(), durable: true, cancellationToken).ConfigureAwait(false);
            }
            catch (AuditUnavailableException failure)
            {
                allowed.Dispose();
                record.Error = "audit unavailable";
                return Refused(record, AuditOutcomes.Refused, new GateOutcome.AuditUnavailable(failure.Message));
            }
            catch
            {
                allowed.Dispose();
                throw;
            }
        }

        return allowed;
    }

    /// <summary>Asks the user about the call; null when approved (the record names who approved and the hash shown), otherwise the refusal.</summary>
    private async ValueTask<GateOutcome?> AskAsync(
        CallerIdentity caller,
        McpToolDescriptor tool,
        ToolAccess access,
        string rule,
        IDictionary<string, JsonElement>? arguments,
        AuditRecord? record,
        IApprovalAsker? asker,
        CancellationToken cancellationToken)
    {
        var question = ApprovalQuestion.Create(caller, tool, access, rule, arguments, _approvals.Timeout);
        if (record is not null)
        {
            // What a record says if the asker ends the request early (an input-required round trip): asked, not answered.
            record.Approval = "requested";
            record.ApprovalRule = rule;
            record.ApprovalArgumentsSha256 = question.ArgumentsSha256;
            record.Outcome = AuditOutcomes.ApprovalRequested;
        }

        using var span = PlatformTelemetry.Start("approval");
        var answer = asker is null
            ? ApprovalAnswer.Unavailable("this kind of call has no client to ask.")
            : await asker.AskAsync(question, cancellationToken).ConfigureAwait(false);
        span?.SetTag("mcpplatform.approval", answer.AuditValue);
        if (record is not null)
        {
            record.Approval = answer.AuditValue;
            record.Outcome = null;
        }

        if (answer.Verdict == ApprovalVerdict.Approved)
        {
            if (record is not null)
            {
                record.ApprovedBy = answer.ApprovedBy;
            }

            return null;
        }

        if (record is not null)
        {
            record.Decision = AuditDecisions.Denied;
            record.Error = answer.Reason;
        }

        var outcome = answer.Verdict switch
        {
            ApprovalVerdict.Declined => AuditOutcomes.ApprovalDeclined,
            ApprovalVerdict.TimedOut => AuditOutcomes.ApprovalTimeout,
            ApprovalVerdict.Cancelled => AuditOutcomes.ApprovalCancelled,
            _ => AuditOutcomes.ApprovalUnavailable,
        };
        return Refused(record, outcome, new GateOutcome.ApprovalRefused(answer, question));
    }

    // The common case on every call: no LINQ, no array; the refusal below lists what is missing.
    private static bool HasAll(CallerIdentity caller, IReadOnlyList<string> scopes)
    {
        for (var i = 0; i < scopes.Count; i++)
        {
            if (!caller.HasScope(scopes[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The first <see cref="IToolCallLimit"/> that has no permit left, as the refused lease (given to <see cref="LimitRefused"/>, so
    /// a shared store that could not be asked is told apart from a limit hit); null when every one gave one.
    /// </summary>
    private async ValueTask<(RateLimitLease Lease, string What)?> TakeCallLimitsAsync(
        CallerIdentity caller, McpToolDescriptor tool, bool isRead, CancellationToken cancellationToken)
    {
        foreach (var limit in _callLimits)
        {
            if (await limit.AcquireAsync(caller, tool, isRead, cancellationToken).ConfigureAwait(false) is not { } taken)
            {
                continue;
            }

            // A window's permit is spent when taken: releasing the lease gives nothing back, so it is not held.
            if (!taken.Lease.IsAcquired)
            {
                return taken;
            }

            taken.Lease.Dispose();
        }

        return null;
    }

    // A limit that was hit is rate_limited; a shared limit store that could not be asked is refused (rule shared-limits-unavailable).
    private static GateOutcome LimitRefused(AuditRecord? record, RateLimitLease lease, string what)
    {
        if (!CallerRateLimits.IsUnavailable(lease))
        {
            return Refused(record, AuditOutcomes.RateLimited, LimitHit(lease, what));
        }

        if (record is not null)
        {
            record.Rule = "shared-limits-unavailable";
            record.Error = SharedLimitLeases.UnavailableReason;
        }

        return Refused(record, AuditOutcomes.Refused, LimitHit(lease, SharedLimitLeases.UnavailableReason));
    }

    private static GateOutcome.RateLimited LimitHit(RateLimitLease lease, string what)
    {
        using (lease)
        {
            return new GateOutcome.RateLimited(what, CallerRateLimits.RetryAfterSeconds(lease));
        }
    }

    private static GateOutcome Refused(AuditRecord? record, string auditOutcome, GateOutcome outcome)
    {
        if (record is not null)
        {
            record.Outcome = auditOutcome;
        }

        return outcome;
    }
}
