using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// A signed statement of how far a chain had been written: its <see cref="ChainId"/>, the <see cref="Seq"/> and
/// <see cref="Head"/> hash of its last record on disk, the audit <see cref="File"/> holding that record, and when.
/// The server writes one per chain to a second place (the checkpoint folder) at an interval and on shutdown, so
/// <c>mcp-platform audit verify</c> can tell a file that ends before its checkpoint (a cut tail), a file a
/// checkpoint names that is gone (a deleted file) and a record that differs from the head it signed (a rewrite).
/// </summary>
/// <remarks>
/// <see cref="Mac"/> is the lower-case hex HMAC-SHA256, under the checkpoint key derived from the
/// <see cref="AuditChainKey"/>, of the JSON array <c>[Schema, ChainId, Seq, Head, File, Time]</c> written as
/// <see cref="AuditChain"/> writes a record's canonical form.
/// </remarks>
/// <param name="ChainId">The chain.</param>
/// <param name="Seq">The sequence number of its last record written.</param>
/// <param name="Head">That record's <see cref="AuditFields.Hash"/>.</param>
/// <param name="File">The audit file's name (no folder) holding that record; null when the sinks are not the embedded file.</param>
/// <param name="Time">When the checkpoint was taken: UTC, ISO 8601 round-trip text.</param>
/// <param name="Mac">The signature.</param>
public sealed record AuditCheckpoint(string ChainId, long Seq, string Head, string? File, string Time, string Mac)
{
    /// <summary>The schema of a checkpoint file.</summary>
    public const string SchemaVersion = "mcp-platform.audit-checkpoint/1";

    /// <summary>A checkpoint file's name: one per chain, replaced as the chain grows.</summary>
    /// <param name="chainId">The chain.</param>
    /// <returns>The file name.</returns>
    public static string FileNameOf(string chainId) => $"checkpoint-{chainId}.json";

    /// <summary>The pattern of checkpoint file names in the checkpoint folder.</summary>
    public const string FilePattern = "checkpoint-*.json";

    /// <summary>A signed checkpoint.</summary>
    /// <param name="chainId">The chain.</param>
    /// <param name="seq">The sequence number of its last record written.</param>
    /// <param name="head">That record's hash.</param>
    /// <param name="file">The audit file holding that record, or null.</param>
    /// <param name="time">When.</param>
    /// <param name="key">The audit chain key.</param>
    /// <returns>The checkpoint.</returns>
    public static AuditCheckpoint Create(string chainId, long seq, string head, string? file, DateTimeOffset time, AuditChainKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return new AuditCheckpoint(chainId, seq, head, file, text, MacOf(chainId, seq, head, file, text, key));
    }

    /// <summary>Whether <see cref="Mac"/> is this checkpoint's signature under <paramref name="key"/> (compared in constant time).</summary>
    /// <param name="key">The audit chain key.</param>
    /// <returns>True when authentic.</returns>
    public bool IsSignedBy(AuditChainKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var expected = MacOf(ChainId, Seq, Head, File, Time, key);
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(Mac));
    }

    /// <summary>The checkpoint file's text.</summary>
    /// <returns>One JSON object.</returns>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, AuditChain.CanonicalWriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("Schema", SchemaVersion);
            writer.WriteString(nameof(ChainId), ChainId);
            writer.WriteNumber(nameof(Seq), Seq);
            writer.WriteString(nameof(Head), Head);
            writer.WriteString(nameof(File), File);
            writer.WriteString(nameof(Time), Time);
            writer.WriteString(nameof(Mac), Mac);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a checkpoint file's text (the signature is not checked here: see <see cref="IsSignedBy"/>).</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The checkpoint.</returns>
    /// <exception cref="FormatException">Not a checkpoint of <see cref="SchemaVersion"/>.</exception>
    public static AuditCheckpoint Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "Schema") != SchemaVersion)
            {
                throw new FormatException($"not an audit checkpoint of schema {SchemaVersion}");
            }

            return new AuditCheckpoint(
                String(root, nameof(ChainId)) ?? throw new FormatException("no ChainId"),
                root.TryGetProperty(nameof(Seq), out var seq) && seq.ValueKind == JsonValueKind.Number && seq.TryGetInt64(out var value) && value >= 0
                    ? value
                    : throw new FormatException("no Seq"),
                String(root, nameof(Head)) ?? throw new FormatException("no Head"),
                String(root, nameof(File)),
                String(root, nameof(Time)) ?? throw new FormatException("no Time"),
                String(root, nameof(Mac)) ?? throw new FormatException("no Mac"));
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON (at byte {e.BytePositionInLine})", e);
        }
    }

    /// <summary>Never prints the signature in full (it is not a secret, but it is noise).</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"checkpoint of chain {ChainId} at seq {Seq} ({File ?? "no file"}, {Time})";

    private static string MacOf(string chainId, long seq, string head, string? file, string time, AuditChainKey key)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, AuditChain.CanonicalWriterOptions))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(SchemaVersion);
            writer.WriteStringValue(chainId);
            writer.WriteNumberValue(seq);
            writer.WriteStringValue(head);
            if (file is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(file);
            }

            writer.WriteStringValue(time);
            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key.CheckpointKey, buffer.WrittenSpan));
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
