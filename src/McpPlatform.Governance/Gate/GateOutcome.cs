using System.Text.Json;
using System.Threading.RateLimiting;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Policy;

namespace McpPlatform.Governance.Gate;

/// <summary>
/// What the gate (<see cref="GovernanceGate.AdmitAsync"/>) decided about one call: <see cref="Allowed"/>, or
/// one of the refusals <see cref="Denied"/>, <see cref="BlockedByDataRule"/>, <see cref="RateLimited"/>,
/// <see cref="AuditUnavailable"/>. The host turns each into its protocol's answer (an MCP tool error, a
/// JSON-RPC error) without asking the policy again or reading a message back.
/// </summary>
/// <remarks>
/// Dispose every outcome when the call has ended: an <see cref="Allowed"/> outcome holds the caller's
/// rate-limit and concurrency leases until then. Disposing a refusal does nothing.
/// </remarks>
public abstract class GateOutcome : IDisposable
{
    private protected GateOutcome()
    {
    }

    /// <summary>False for the refusals: the tool must not run.</summary>
    public abstract bool IsAllowed { get; }

    /// <summary>The text the caller reads for a refusal (naming the rule or limit, never an argument's value); null when allowed.</summary>
    public abstract string? RefusalMessage { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the outcome holds.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>The call may run, with <see cref="Arguments"/> (the data rules' redacted copy).</summary>
    public sealed class Allowed : GateOutcome
    {
        private readonly AuditRecord? _record;
        private RateLimitLease? _toolLease;
        private RateLimitLease? _concurrencyLease;

        internal Allowed(PolicyDecision decision, IDictionary<string, JsonElement>? arguments, AuditRecord? record, RateLimitLease? toolLease, RateLimitLease? concurrencyLease)
        {
            Decision = decision;
            Arguments = arguments;
            _record = record;
            _toolLease = toolLease;
            _concurrencyLease = concurrencyLease;
        }

        /// <inheritdoc />
        public override bool IsAllowed => true;

        /// <inheritdoc />
        public override string? RefusalMessage => null;

        /// <summary>The policy's verdict that let the call through.</summary>
        public PolicyDecision Decision { get; }

        /// <summary>The arguments to call the tool with: redacted where a data rule matched, otherwise those given.</summary>
        public IDictionary<string, JsonElement>? Arguments { get; }

        /// <summary>Whether the call has an audit record for <see cref="Complete"/> to fill in (so whether the result's size is needed at all).</summary>
        public bool IsAudited => _record is not null;

        /// <summary>
        /// Records how the call ended on its audit record: <c>ok</c> or <c>tool_error</c>, the result's size, and
        /// <c>dlp:scan-limit</c> when the result was too large for the data rules to scan whole.
        /// </summary>
        /// <param name="isError">Whether the result the caller gets is an error.</param>
        /// <param name="resultBytes">UTF-8 bytes of the result's text and structured content, after the data rules.</param>
        /// <param name="resultRules">The data rules that fired on the result.</param>
        public void Complete(bool isError, long resultBytes, IReadOnlyCollection<string> resultRules)
        {
            ArgumentNullException.ThrowIfNull(resultRules);
            if (_record is null)
            {
                return;
            }

            _record.ResultBytes = resultBytes;
            if (resultRules.Contains(Dlp.DlpEngine.ScanLimitRule))
            {
                _record.Error = "dlp:" + Dlp.DlpEngine.ScanLimitRule; // the result was withheld or cut at McpPlatform:Dlp:MaxScannedChars
            }

            _record.Outcome = isError ? AuditOutcomes.ToolError : AuditOutcomes.Ok;
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Interlocked.Exchange(ref _concurrencyLease, null)?.Dispose();
                Interlocked.Exchange(ref _toolLease, null)?.Dispose();
            }
        }
    }

    /// <summary>Policy refused the call.</summary>
    /// <param name="decision">The policy's verdict: <see cref="PolicyDecision.Rule"/> and <see cref="PolicyDecision.Reason"/> say why.</param>
    public sealed class Denied(PolicyDecision decision) : GateOutcome
    {
        /// <inheritdoc />
        public override bool IsAllowed => false;

        /// <summary>The policy's verdict.</summary>
        public PolicyDecision Decision { get; } = decision;

        /// <summary>The denying rule or denial id (<see cref="PolicyDecisionIds"/>).</summary>
        public string Rule => Decision.Rule;

        /// <summary>Why, naming the tool, its access class and what would grant it.</summary>
        public string Reason => Decision.Reason;

        /// <inheritdoc />
        public override string RefusalMessage => $"Denied by policy: {Rule}. {Reason}";
    }

    /// <summary>A data rule on the arguments blocked the call.</summary>
    /// <param name="rule">The blocking rule, or <c>scan-limit</c> when the arguments were too large to scan.</param>
    /// <param name="message">Why, naming the rule and the argument's path, never its value.</param>
    public sealed class BlockedByDataRule(string rule, string message) : GateOutcome
    {
        /// <inheritdoc />
        public override bool IsAllowed => false;

        /// <summary>The blocking rule.</summary>
        public string Rule { get; } = rule;

        /// <summary>Why, naming the rule and the argument's path.</summary>
        public string Message { get; } = message;

        /// <inheritdoc />
        public override string RefusalMessage => $"Blocked by data-loss rule: {Message}";
    }

    /// <summary>A per-tool rate limit or the caller's concurrency cap refused the call.</summary>
    /// <param name="what">Which limit, as the caller reads it (<c>too many calls of 'x'</c>).</param>
    /// <param name="retryAfterSeconds">When the limiter says a retry may succeed.</param>
    public sealed class RateLimited(string what, int? retryAfterSeconds) : GateOutcome
    {
        /// <inheritdoc />
        public override bool IsAllowed => false;

        /// <summary>Which limit was hit.</summary>
        public string What { get; } = what;

        /// <summary>Seconds until a retry may succeed, when known.</summary>
        public int? RetryAfterSeconds { get; } = retryAfterSeconds;

        /// <inheritdoc />
        public override string RefusalMessage => $"Rate limited: {What}.{(RetryAfterSeconds is { } seconds ? $" Retry after {seconds} s." : string.Empty)}";
    }

    /// <summary>The call needs the user's confirmation and did not get it: declined, timed out, cancelled, or not askable.</summary>
    /// <param name="answer">How the question ended.</param>
    /// <param name="question">What the user was (or would have been) asked.</param>
    public sealed class ApprovalRefused(Approval.ApprovalAnswer answer, Approval.ApprovalRequest question) : GateOutcome
    {
        /// <inheritdoc />
        public override bool IsAllowed => false;

        /// <summary>How the question ended (never <see cref="Approval.ApprovalVerdict.Approved"/>).</summary>
        public Approval.ApprovalAnswer Answer { get; } = answer;

        /// <summary>The question.</summary>
        public Approval.ApprovalRequest Question { get; } = question;

        /// <inheritdoc />
        public override string RefusalMessage => Answer.Verdict switch
        {
            Approval.ApprovalVerdict.Declined => $"Approval declined: the user declined the call of '{Question.Tool}' ({Question.Access}); it did not run (approval rule '{Question.Rule}').",
            Approval.ApprovalVerdict.TimedOut => $"Approval timed out: no answer about the call of '{Question.Tool}' ({Question.Access}) within {(int)Question.Timeout.TotalSeconds} s; it did not run (approval rule '{Question.Rule}').",
            Approval.ApprovalVerdict.Cancelled => $"Approval cancelled: the question about the call of '{Question.Tool}' ({Question.Access}) was dismissed or cancelled; it did not run (approval rule '{Question.Rule}').",
            _ => $"Approval required: the call of '{Question.Tool}' ({Question.Access}) needs the user's confirmation (approval rule '{Question.Rule}'), and it could not be asked: {Answer.Reason} The call did not run.",
        };
    }

    /// <summary>The intent record of a governed call could not be written, so the call was refused (fail closed).</summary>
    /// <param name="message">The refusal the caller reads.</param>
    public sealed class AuditUnavailable(string message) : GateOutcome
    {
        /// <inheritdoc />
        public override bool IsAllowed => false;

        /// <summary>The refusal the caller reads.</summary>
        public string Message { get; } = message;

        /// <inheritdoc />
        public override string RefusalMessage => Message;
    }
}
