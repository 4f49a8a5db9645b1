using System.Globalization;

namespace McpPlatform.Governance.Audit;

/// <summary>A record as the values the chain hashes and the sinks receive, in <see cref="AuditFields.Hashed"/> order.</summary>
internal static class AuditFieldMap
{
    /// <summary>The field names, by position.</summary>
    public static readonly string[] Names = [.. AuditFields.Hashed, .. AuditFields.HashedOptional];

    /// <summary>How many leading values every record hashes; the rest only when one of them is set (<see cref="HashedLength"/>).</summary>
    public static readonly int AlwaysHashed = AuditFields.Hashed.Count;

    private static readonly int AuditSchema = IndexOf(AuditFields.AuditSchema);
    private static readonly int ChainId = IndexOf(AuditFields.ChainId);
    private static readonly int Seq = IndexOf(AuditFields.Seq);
    private static readonly int PrevHash = IndexOf(AuditFields.PrevHash);
    private static readonly int Time = IndexOf(AuditFields.Time);
    private static readonly int Kind = IndexOf(AuditFields.Kind);
    private static readonly int RequestId = IndexOf(AuditFields.RequestId);
    private static readonly int CorrelationId = IndexOf(AuditFields.CorrelationId);
    private static readonly int SessionId = IndexOf(AuditFields.SessionId);
    private static readonly int Method = IndexOf(AuditFields.Method);
    private static readonly int Subject = IndexOf(AuditFields.Subject);
    private static readonly int ClientId = IndexOf(AuditFields.ClientId);
    private static readonly int Tool = IndexOf(AuditFields.Tool);
    private static readonly int Access = IndexOf(AuditFields.Access);
    private static readonly int Decision = IndexOf(AuditFields.Decision);
    private static readonly int Rule = IndexOf(AuditFields.Rule);
    private static readonly int Arguments = IndexOf(AuditFields.Arguments);
    private static readonly int Outcome = IndexOf(AuditFields.Outcome);
    private static readonly int ResultBytes = IndexOf(AuditFields.ResultBytes);
    private static readonly int DurationMs = IndexOf(AuditFields.DurationMs);
    private static readonly int Server = IndexOf(AuditFields.Server);
    private static readonly int ServerVersion = IndexOf(AuditFields.ServerVersion);
    private static readonly int ManifestHash = IndexOf(AuditFields.ManifestHash);
    private static readonly int ParentId = IndexOf(AuditFields.ParentId);
    private static readonly int Error = IndexOf(AuditFields.Error);
    private static readonly int Code = IndexOf(AuditFields.Code);
    private static readonly int CodeSha256 = IndexOf(AuditFields.CodeSha256);
    private static readonly int Upstream = IndexOf(AuditFields.Upstream);
    private static readonly int UpstreamMs = IndexOf(AuditFields.UpstreamMs);
    private static readonly int Replica = IndexOf(AuditFields.Replica);
    private static readonly int Approval = IndexOf(AuditFields.Approval);
    private static readonly int ApprovalRule = IndexOf(AuditFields.ApprovalRule);
    private static readonly int ApprovedBy = IndexOf(AuditFields.ApprovedBy);
    private static readonly int ApprovalArgumentsSha256 = IndexOf(AuditFields.ApprovalArgumentsSha256);

    /// <summary>How many leading values a record without approval fields hashes when it has an optional field.</summary>
    private static readonly int WithoutApproval = AuditFields.Hashed.Count + AuditFields.HashedWhenPresent.Count;

    /// <summary>How many of the filled <paramref name="values"/> the hash covers: all when a field hashed only when present is set.</summary>
    public static int HashedLength(ReadOnlySpan<object?> values)
    {
        for (var i = WithoutApproval; i < values.Length; i++)
        {
            if (values[i] is not null)
            {
                return values.Length;
            }
        }

        for (var i = AlwaysHashed; i < WithoutApproval; i++)
        {
            if (values[i] is not null)
            {
                return WithoutApproval;
            }
        }

        return AlwaysHashed;
    }

    /// <summary>
    /// Fills <paramref name="values"/> (<see cref="Names"/>.Length long) with the record's fields, every
    /// string cut to <paramref name="limits"/>: the last line of defence, whoever filled the record in.
    /// </summary>
    public static void Fill(Span<object?> values, AuditRecord record, AuditServerInfo server, string chainId, long seq, string previousHash, AuditFieldLimits limits)
    {
        values.Clear(); // a field added to the list but not below stays null, never a previous record's value
        values[AuditSchema] = AuditFields.SchemaVersion;
        values[ChainId] = chainId;
        values[Seq] = seq;
        values[PrevHash] = previousHash;
        values[Time] = record.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        values[Kind] = record.Kind;
        values[RequestId] = record.RequestId;
        values[CorrelationId] = record.CorrelationId;
        values[SessionId] = record.SessionId;
        values[Method] = record.Method;
        values[Subject] = record.Subject;
        values[ClientId] = record.ClientId;
        values[Tool] = record.Tool;
        values[Access] = record.Access;
        values[Decision] = record.Decision;
        values[Rule] = record.Rule;
        values[Arguments] = record.Arguments;
        values[Outcome] = record.Outcome;
        values[ResultBytes] = record.ResultBytes;
        values[DurationMs] = record.DurationMs;
        values[Server] = server.Name;
        values[ServerVersion] = server.Version;
        values[ManifestHash] = server.ManifestHash;
        values[ParentId] = record.ParentId;
        values[Error] = record.Error;
        values[Code] = record.Code;
        values[CodeSha256] = record.CodeSha256;
        values[Upstream] = record.Upstream;
        values[UpstreamMs] = record.UpstreamMs;
        values[Replica] = server.Replica;
        values[Approval] = record.Approval;
        values[ApprovalRule] = record.ApprovalRule;
        values[ApprovedBy] = record.ApprovedBy;
        values[ApprovalArgumentsSha256] = record.ApprovalArgumentsSha256;

        for (var i = 0; i < values.Length; i++)
        {
            // One type check and one length comparison per field; only an over-long value is hashed and cut.
            if (values[i] is string text && text.Length > limits.MaxFieldChars)
            {
                values[i] = i == Arguments || i == Code ? limits.Arguments(text) : limits.Field(text); // the script has its own, longer cap (CodeMode:MaxAuditedCodeLength)
            }
        }
    }

    private static int IndexOf(string name) =>
        Array.IndexOf(Names, name) is var index and >= 0 ? index : throw new InvalidOperationException($"'{name}' is not a hashed audit field.");
}
