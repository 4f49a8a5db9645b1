namespace McpPlatform.Governance.Audit;

/// <summary>
/// The property names of an audit record, one CLEF line per MCP request (Serilog's compact JSON:
/// <c>@t</c>, <c>@mt</c>, ... and each property as a top-level key). Every value is a string, a
/// <see cref="long"/>, or null/absent. The fields in <see cref="Hashed"/>, in that order, are covered by
/// the record's <see cref="Hash"/>; see <see cref="AuditChain"/> for the canonical form.
/// </summary>
public static class AuditFields
{
    /// <summary>The schema of the record; always <see cref="SchemaVersion"/>.</summary>
    public const string AuditSchema = "AuditSchema";

    /// <summary>
    /// The value of <see cref="AuditSchema"/> this version of the platform writes: records whose <see cref="Hash"/>
    /// is an HMAC-SHA256 keyed with the audit chain key (<see cref="AuditChainKey"/>) over the RFC 8785 (JCS)
    /// canonical form of <see cref="Hashed"/> (docs/canonical-json.md).
    /// </summary>
    public const string SchemaVersion = "mcp-platform.audit/3";

    /// <summary>
    /// The earlier keyed form: HMAC-SHA256 like <see cref="SchemaVersion"/>, but over the platform's own escaping
    /// (every non-ASCII and HTML-sensitive character as <c>\uXXXX</c>) rather than RFC 8785. Still verified.
    /// </summary>
    public const string EarlierKeyedSchemaVersion = "mcp-platform.audit/2";

    /// <summary>
    /// The earlier, unkeyed form (plain SHA-256): still verified, but anyone who can write the file can rewrite
    /// it and recompute every hash, so its integrity cannot be proven against an insider.
    /// </summary>
    public const string UnkeyedSchemaVersion = "mcp-platform.audit/1";

    /// <summary>The chain the record belongs to: random per server process, so a restart starts a new chain.</summary>
    public const string ChainId = "ChainId";

    /// <summary>The record's position in its chain (<see cref="long"/>): 1 for the first record, then 2, 3, ... with no gaps.</summary>
    public const string Seq = "Seq";

    /// <summary>The <see cref="Hash"/> of the previous record in the chain; <see cref="AuditChain.GenesisHash"/> for <see cref="Seq"/> 1.</summary>
    public const string PrevHash = "PrevHash";

    /// <summary>When the record was written: UTC, ISO 8601 round-trip ("O") text.</summary>
    public const string Time = "Time";

    /// <summary>What the record is about: "request", "intent", "refused", "notification", or "chain-start" (the first record of a chain that follows another).</summary>
    public const string Kind = "Kind";

    /// <summary>The JSON-RPC request id.</summary>
    public const string RequestId = "RequestId";

    /// <summary>The correlation id shared with the application log.</summary>
    public const string CorrelationId = "CorrelationId";

    /// <summary>The MCP session id.</summary>
    public const string SessionId = "SessionId";

    /// <summary>The MCP method, e.g. "tools/call".</summary>
    public const string Method = "Method";

    /// <summary>The caller (the token's subject).</summary>
    public const string Subject = "Subject";

    /// <summary>The OAuth client the caller used.</summary>
    public const string ClientId = "ClientId";

    /// <summary>The tool called, if any.</summary>
    public const string Tool = "Tool";

    /// <summary>The tool's access class (read, write, destructive).</summary>
    public const string Access = "Access";

    /// <summary>The policy decision.</summary>
    public const string Decision = "Decision";

    /// <summary>The policy rule that decided.</summary>
    public const string Rule = "Rule";

    /// <summary>The call's arguments as redacted JSON text.</summary>
    public const string Arguments = "Arguments";

    /// <summary>How the request ended.</summary>
    public const string Outcome = "Outcome";

    /// <summary>The size of the result in bytes (<see cref="long"/>).</summary>
    public const string ResultBytes = "ResultBytes";

    /// <summary>How long the request took in milliseconds (<see cref="long"/>).</summary>
    public const string DurationMs = "DurationMs";

    /// <summary>The server's name.</summary>
    public const string Server = "Server";

    /// <summary>The server's version.</summary>
    public const string ServerVersion = "ServerVersion";

    /// <summary>The content hash of the governance manifest the server runs with.</summary>
    public const string ManifestHash = "ManifestHash";

    /// <summary>The request id of the enclosing request (a Code Mode inner call's <c>execute</c>).</summary>
    public const string ParentId = "ParentId";

    /// <summary>The error, if the request failed (a message, never a stack trace with data).</summary>
    public const string Error = "Error";

    /// <summary>The script of a Code Mode search/execute call, possibly cut (see <see cref="CodeSha256"/> for the whole).</summary>
    public const string Code = "Code";

    /// <summary>Lower-case hex SHA-256 of the whole script of a Code Mode call.</summary>
    public const string CodeSha256 = "CodeSha256";

    /// <summary>The namespace of the upstream MCP server a portal passed the call to (portal records only).</summary>
    public const string Upstream = "Upstream";

    /// <summary>How long the upstream took to answer, in milliseconds (<see cref="long"/>; portal records only).</summary>
    public const string UpstreamMs = "UpstreamMs";

    /// <summary>
    /// The record's own hash: lower-case hex HMAC-SHA256, keyed with the audit chain key, of the canonical form
    /// of <see cref="Hashed"/> (<see cref="AuditChain.ComputeHash(IReadOnlyDictionary{string, object?}, AuditChainKey)"/>);
    /// plain SHA-256 in the <see cref="UnkeyedSchemaVersion"/> form. Not itself hashed.
    /// </summary>
    public const string Hash = "Hash";

    /// <summary>The replica (pod) that wrote the record: each replica of a fleet keeps its own chain (hashed when present).</summary>
    public const string Replica = "Replica";

    /// <summary>How the user's confirmation of the call ended (calls an approval rule covers; hashed when present).</summary>
    public const string Approval = "Approval";

    /// <summary>The approval rule that required the confirmation.</summary>
    public const string ApprovalRule = "ApprovalRule";

    /// <summary>Who approved the call (the identity that answered).</summary>
    public const string ApprovedBy = "ApprovedBy";

    /// <summary>The hash of the arguments the user was shown.</summary>
    public const string ApprovalArgumentsSha256 = "ApprovalArgumentsSha256";

    /// <summary>
    /// The fields covered by <see cref="Hash"/>, in canonical order. Changing this list, or the order,
    /// makes every existing audit file fail verification: bump <see cref="SchemaVersion"/> instead.
    /// </summary>
    public static IReadOnlyList<string> Hashed { get; } = Array.AsReadOnly(new[]
    {
        AuditSchema, ChainId, Seq, PrevHash, Time, Kind, RequestId, CorrelationId, SessionId, Method,
        Subject, ClientId, Tool, Access, Decision, Rule, Arguments, Outcome, ResultBytes, DurationMs,
        Server, ServerVersion, ManifestHash, ParentId, Error, Code, CodeSha256,
    });

    /// <summary>
    /// Fields only some records have (a portal's upstream calls), hashed only when present: when any of them has a value,
    /// all of them follow <see cref="Hashed"/> in the canonical array, in this order (null where absent); a record
    /// with none of them hashes exactly as before they existed, so earlier records and files keep verifying.
    /// Only in the current schema (<see cref="SchemaVersion"/>).
    /// </summary>
    public static IReadOnlyList<string> HashedWhenPresent { get; } = Array.AsReadOnly(new[] { Upstream, UpstreamMs, Replica });

    /// <summary>
    /// The approval fields, hashed only when one of them is set: then they follow <see cref="HashedWhenPresent"/> (which is
    /// included too, null where absent), so records without them, with or without a replica, hash exactly as before.
    /// </summary>
    public static IReadOnlyList<string> HashedWhenApproval { get; } = Array.AsReadOnly(new[] { Approval, ApprovalRule, ApprovedBy, ApprovalArgumentsSha256 });

    /// <summary>Every field hashed only when present, in canonical order: <see cref="HashedWhenPresent"/> then <see cref="HashedWhenApproval"/>.</summary>
    public static IReadOnlyList<string> HashedOptional { get; } = Array.AsReadOnly(HashedWhenPresent.Concat(HashedWhenApproval).ToArray());

    /// <summary>The fields the earlier <see cref="UnkeyedSchemaVersion"/> form hashed: <see cref="Hashed"/> before the Code Mode script fields.</summary>
    public static IReadOnlyList<string> UnkeyedHashed { get; } = Array.AsReadOnly(Hashed.Take(Hashed.Count - 2).ToArray());

    /// <summary>True for the schemas whose canonical form predates RFC 8785 (<see cref="UnkeyedSchemaVersion"/>, <see cref="EarlierKeyedSchemaVersion"/>).</summary>
    public static bool IsEarlierForm(string? schema) =>
        string.Equals(schema, UnkeyedSchemaVersion, StringComparison.Ordinal) || string.Equals(schema, EarlierKeyedSchemaVersion, StringComparison.Ordinal);

    /// <summary>The fields a record of schema <paramref name="schema"/> hashes (a record names its schema in <see cref="AuditSchema"/>).</summary>
    public static IReadOnlyList<string> HashedIn(string? schema) =>
        string.Equals(schema, UnkeyedSchemaVersion, StringComparison.Ordinal) ? UnkeyedHashed : Hashed;
}
