namespace McpPlatform.Governance.Approval;

/// <summary>How a question about one call ended.</summary>
public enum ApprovalVerdict
{
    /// <summary>The user accepted: the call runs.</summary>
    Approved,

    /// <summary>The user declined.</summary>
    Declined,

    /// <summary>No answer came within the timeout.</summary>
    TimedOut,

    /// <summary>The user dismissed the question, or the request was cancelled while it waited.</summary>
    Cancelled,

    /// <summary>The question could not be asked (the client does not support elicitation, or the connection cannot carry it).</summary>
    Unavailable,
}

/// <summary>The answer to an <see cref="ApprovalRequest"/>.</summary>
/// <param name="Verdict">How it ended.</param>
/// <param name="ApprovedBy">Who approved (the identity that answered), when approved.</param>
/// <param name="Reason">Why it could not be asked, when <see cref="ApprovalVerdict.Unavailable"/>.</param>
public sealed record ApprovalAnswer(ApprovalVerdict Verdict, string? ApprovedBy = null, string? Reason = null)
{
    /// <summary>An approval by <paramref name="approvedBy"/>.</summary>
    public static ApprovalAnswer Approve(string approvedBy) => new(ApprovalVerdict.Approved, approvedBy);

    /// <summary>The question could not be asked, and why.</summary>
    public static ApprovalAnswer Unavailable(string reason) => new(ApprovalVerdict.Unavailable, Reason: reason);

    /// <summary>The value of the audit record's <c>Approval</c> field.</summary>
    public string AuditValue => Verdict switch
    {
        ApprovalVerdict.Approved => "approved",
        ApprovalVerdict.Declined => "declined",
        ApprovalVerdict.TimedOut => "timeout",
        ApprovalVerdict.Cancelled => "cancelled",
        _ => "unavailable",
    };
}
