using System.Text.Json;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// The first record of every chain (<see cref="AuditRecord.ChainStartKind"/>), so a new <see cref="AuditFields.ChainId"/>
/// is never silent: <see cref="AuditFields.Outcome"/> says why the chain started (<see cref="ServerStart"/> or
/// <see cref="SinkFailure"/>), <see cref="AuditFields.Error"/> the details, and <see cref="AuditFields.Arguments"/>
/// holds <c>{"previousChainId", "previousSeq", "previousHash", "previousFile"}</c>: the last head known to be on disk,
/// which <c>mcp-platform audit verify</c> checks against the earlier chain.
/// </summary>
internal static class AuditChainStart
{
    /// <summary>The server started; the previous head comes from the newest checkpoint.</summary>
    public const string ServerStart = "server-start";

    /// <summary>The sink failed to write; the previous head is the last one written before the failure.</summary>
    public const string SinkFailure = "sink-failure";

    /// <summary>The record that opens a chain.</summary>
    public static AuditRecord Record(DateTimeOffset time, string reason, string? details, AuditHead? previous) => new()
    {
        Kind = AuditRecord.ChainStartKind,
        Time = time,
        Outcome = reason,
        Error = details,
        Arguments = previous is null ? null : Describe(previous),
    };

    private static string Describe(AuditHead previous)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("previousChainId", previous.ChainId);
            writer.WriteNumber("previousSeq", previous.Seq);
            writer.WriteString("previousHash", previous.Hash);
            writer.WriteString("previousFile", previous.File);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>A chain's last record known to be on disk: chain, sequence number, hash and the file holding it (if known).</summary>
internal sealed record AuditHead(string ChainId, long Seq, string Hash, string? File);
