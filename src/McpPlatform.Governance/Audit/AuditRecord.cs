namespace McpPlatform.Governance.Audit;

/// <summary>
/// One audit record while its request runs: the message filter opens it, the gate adds the
/// tool, decision and outcome, and the writer chains and emits it. Never holds a token or a
/// secret; arguments are stored after data-loss redaction.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>The kind of a record for a request that reached the MCP server.</summary>
    public const string RequestKind = "request";

    /// <summary>The kind of the record written before a governed call runs (fail closed).</summary>
    public const string IntentKind = "intent";

    /// <summary>The kind of a request refused at the HTTP layer (authentication, scope, rate, host).</summary>
    public const string RefusedKind = "refused";

    /// <summary>The kind of the record of a JSON-RPC notification from the client (no id, no answer).</summary>
    public const string NotificationKind = "notification";

    /// <summary>The kind of the first record of every chain: why the chain started and the head of the one before it.</summary>
    public const string ChainStartKind = "chain-start";

    /// <summary>The kind of a portal's record that an upstream tool's definition changed or appeared (quarantined until approved).</summary>
    public const string UpstreamChangeKind = "upstream-change";

    /// <summary>request, intent, refused, notification, chain-start or upstream-change.</summary>
    public string Kind { get; set; } = RequestKind;

    /// <summary>When the request arrived.</summary>
    public DateTimeOffset Time { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The JSON-RPC id.</summary>
    public string? RequestId { get; set; }

    /// <summary>The trace id linking this record to application logs and traces.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The MCP session id (stateful mode).</summary>
    public string? SessionId { get; set; }

    /// <summary>The JSON-RPC method, e.g. tools/call.</summary>
    public string? Method { get; set; }

    /// <summary>The caller's subject.</summary>
    public string? Subject { get; set; }

    /// <summary>The caller's OAuth client.</summary>
    public string? ClientId { get; set; }

    /// <summary>The tool called.</summary>
    public string? Tool { get; set; }

    /// <summary>The tool's access class.</summary>
    public string? Access { get; set; }

    /// <summary>allowed or denied.</summary>
    public string? Decision { get; set; }

    /// <summary>The rule that decided.</summary>
    public string? Rule { get; set; }

    /// <summary>The arguments as JSON, after redaction.</summary>
    public string? Arguments { get; set; }

    /// <summary>ok, tool_error, denied, rate_limited, failed or refused (<see cref="AuditOutcomes"/>); pending on an intent record.</summary>
    public string? Outcome { get; set; }

    /// <summary>UTF-8 bytes of the result's text and structured content.</summary>
    public long? ResultBytes { get; set; }

    /// <summary>How long the request took.</summary>
    public long? DurationMs { get; set; }

    /// <summary>The request this one ran inside (Code Mode inner calls).</summary>
    public string? ParentId { get; set; }

    /// <summary>Why it failed or was refused, without values.</summary>
    public string? Error { get; set; }

    /// <summary>The script of a Code Mode <c>search</c>/<c>execute</c> call, cut at <c>McpPlatform:CodeMode:MaxAuditedCodeLength</c>.</summary>
    public string? Code { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole script's UTF-8 bytes (Code Mode calls).</summary>
    public string? CodeSha256 { get; set; }

    /// <summary>The namespace of the upstream a portal passed the call to; null for every other record.</summary>
    public string? Upstream { get; set; }

    /// <summary>How long the upstream took to answer (portal calls that reached it).</summary>
    public long? UpstreamMs { get; set; }

    /// <summary>
    /// How the user's confirmation ended, for a call an approval rule covers: <c>approved</c>, <c>declined</c>, <c>timeout</c>,
    /// <c>cancelled</c>, <c>unavailable</c>, or <c>requested</c> on the first round of a protocol 2026-07-28 call; null otherwise.
    /// </summary>
    public string? Approval { get; set; }

    /// <summary>The approval rule that required the question (<c>default-destructive</c> when none was configured).</summary>
    public string? ApprovalRule { get; set; }

    /// <summary>Who approved: the caller identity that answered (subject).</summary>
    public string? ApprovedBy { get; set; }

    /// <summary>The hash of the arguments shown to the user (<c>sha256:</c> + hex of their canonical JSON).</summary>
    public string? ApprovalArgumentsSha256 { get; set; }

    /// <summary>A copy for the intent record written before the tool runs.</summary>
    public AuditRecord AsIntent()
    {
        var copy = (AuditRecord)MemberwiseClone();
        copy.Kind = IntentKind;
        copy.Outcome = AuditOutcomes.Pending;
        return copy;
    }
}
