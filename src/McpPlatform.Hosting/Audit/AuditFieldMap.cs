using System.Globalization;

namespace McpPlatform.Hosting.Audit;

/// <summary>A record as the named fields the chain hashes and the sinks receive.</summary>
internal static class AuditFieldMap
{
    /// <summary>The fields below plus the record's own <see cref="AuditFields.Hash"/>, so the map never grows.</summary>
    private const int FieldCount = 26;

    public static Dictionary<string, object?> From(AuditRecord record, AuditServerInfo server, string chainId, long seq, string previousHash) =>
        new(FieldCount, StringComparer.Ordinal)
        {
            [AuditFields.AuditSchema] = AuditFields.SchemaVersion,
            [AuditFields.ChainId] = chainId,
            [AuditFields.Seq] = seq,
            [AuditFields.PrevHash] = previousHash,
            [AuditFields.Time] = record.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            [AuditFields.Kind] = record.Kind,
            [AuditFields.RequestId] = record.RequestId,
            [AuditFields.CorrelationId] = record.CorrelationId,
            [AuditFields.SessionId] = record.SessionId,
            [AuditFields.Method] = record.Method,
            [AuditFields.Subject] = record.Subject,
            [AuditFields.ClientId] = record.ClientId,
            [AuditFields.Tool] = record.Tool,
            [AuditFields.Access] = record.Access,
            [AuditFields.Decision] = record.Decision,
            [AuditFields.Rule] = record.Rule,
            [AuditFields.Arguments] = record.Arguments,
            [AuditFields.Outcome] = record.Outcome,
            [AuditFields.ResultBytes] = record.ResultBytes,
            [AuditFields.DurationMs] = record.DurationMs,
            [AuditFields.Server] = server.Name,
            [AuditFields.ServerVersion] = server.Version,
            [AuditFields.ManifestHash] = server.ManifestHash,
            [AuditFields.ParentId] = record.ParentId,
            [AuditFields.Error] = record.Error,
        };
}
