namespace McpPlatform.Governance.Audit;

/// <summary>
/// The values of an audit record's <see cref="AuditRecord.Outcome"/>: how the request ended. One list, so
/// the gate, the request filters and the refusal records cannot drift apart in spelling.
/// </summary>
public static class AuditOutcomes
{
    /// <summary>The call ran and the tool returned a result.</summary>
    public const string Ok = "ok";

    /// <summary>The call ran and the tool returned an error result (or its arguments could not be used).</summary>
    public const string ToolError = "tool_error";

    /// <summary>Policy or a data rule on the arguments refused the call; the tool never ran.</summary>
    public const string Denied = "denied";

    /// <summary>A per-tool rate limit or the caller's concurrency cap refused the call; the tool never ran.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>The request was refused before it was handled (the audit log could not write, authentication, limits).</summary>
    public const string Refused = "refused";

    /// <summary>The request failed while it was handled (an exception, cancellation).</summary>
    public const string Failed = "failed";

    /// <summary>The call needs the user's approval and the question went back to the client (protocol 2026-07-28 input-required round trip).</summary>
    public const string ApprovalRequested = "approval_requested";

    /// <summary>The user declined the call; the tool never ran.</summary>
    public const string ApprovalDeclined = "approval_declined";

    /// <summary>The user did not answer in time; the tool never ran.</summary>
    public const string ApprovalTimeout = "approval_timeout";

    /// <summary>The user dismissed the question or the request was cancelled while it waited; the tool never ran.</summary>
    public const string ApprovalCancelled = "approval_cancelled";

    /// <summary>The call needed approval and the client could not be asked; the tool never ran.</summary>
    public const string ApprovalUnavailable = "approval_unavailable";

    /// <summary>
    /// A Code Mode inner call that ran in an earlier round of the same execution (protocol 2026-07-28 approval round trip)
    /// and was handed its recorded outcome on the retry without running again.
    /// </summary>
    public const string Replayed = "replayed";

    /// <summary>An intent record: written before the tool runs; the request record that follows says how it ended.</summary>
    public const string Pending = "pending";
}

/// <summary>The values of an audit record's <see cref="AuditRecord.Decision"/>.</summary>
public static class AuditDecisions
{
    /// <summary>Policy and the data rules on the arguments let the call through.</summary>
    public const string Allowed = "allowed";

    /// <summary>Policy or a data rule refused the call.</summary>
    public const string Denied = "denied";
}
