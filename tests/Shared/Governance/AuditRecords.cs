using System.Globalization;
using System.Text;
using System.Text.Json;
using McpPlatform.Governance.Audit;

namespace McpPlatform.Testing;

/// <summary>
/// Writes audit records the way a server does: one chain per "process", each record's fields filled in,
/// <see cref="AuditChain.ComputeHash(IReadOnlyDictionary{string, object?}, AuditChainKey)"/> over them (keyed with
/// <see cref="AuditTestKey"/>, or plain SHA-256 in the earlier unkeyed form), the hash carried into the next record's PrevHash.
/// </summary>
internal sealed class AuditChainWriter(string? chainId = null, bool unkeyed = false, AuditChainKey? key = null)
{
    private readonly AuditChainKey? _key = unkeyed ? null : key ?? AuditTestKey.Key;

    private long _seq;
    private string _previousHash = AuditChain.GenesisHash;

    public string ChainId { get; } = chainId ?? Guid.NewGuid().ToString("N");

    /// <summary>The next record's fields, Hash included. <paramref name="change"/> sets fields before hashing.</summary>
    public Dictionary<string, object?> Next(Action<Dictionary<string, object?>>? change = null)
    {
        var seq = ++_seq;
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [AuditFields.AuditSchema] = _key is null ? AuditFields.UnkeyedSchemaVersion : AuditFields.SchemaVersion,
            [AuditFields.ChainId] = ChainId,
            [AuditFields.Seq] = seq,
            [AuditFields.PrevHash] = _previousHash,
            [AuditFields.Time] = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero).AddSeconds(seq).UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            [AuditFields.Kind] = "request",
            [AuditFields.RequestId] = seq.ToString(CultureInfo.InvariantCulture),
            [AuditFields.CorrelationId] = $"corr-{seq}",
            [AuditFields.SessionId] = "session-1",
            [AuditFields.Method] = "tools/call",
            [AuditFields.Subject] = $"user-{seq}",
            [AuditFields.ClientId] = "vscode",
            [AuditFields.Tool] = "jira_search",
            [AuditFields.Access] = "read",
            [AuditFields.Decision] = "allow",
            [AuditFields.Rule] = "readers",
            [AuditFields.Arguments] = """{"query":"release blockers","token":"[redacted]"}""",
            [AuditFields.Outcome] = "ok",
            [AuditFields.ResultBytes] = 1000L + seq,
            [AuditFields.DurationMs] = 12L,
            [AuditFields.Server] = "jira-mcp",
            [AuditFields.ServerVersion] = "1.2.3",
            [AuditFields.ManifestHash] = "sha256:" + new string('a', 64),
            [AuditFields.ParentId] = null,
            [AuditFields.Error] = null,
        };
        change?.Invoke(fields);
        var hash = AuditChain.ComputeHash(fields, _key);
        fields[AuditFields.Hash] = hash;
        _previousHash = hash;
        return fields;
    }

    /// <summary>The last record written: its Seq and Hash (what a checkpoint signs).</summary>
    public (long Seq, string Hash) Head => (_seq, _previousHash);

    /// <summary>A checkpoint of the head, signed as the server signs it.</summary>
    public AuditCheckpoint Checkpoint(string? file) =>
        AuditCheckpoint.Create(ChainId, _seq, _previousHash, file, new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero).AddSeconds(_seq), _key ?? AuditTestKey.Key);

    /// <summary>The next <paramref name="count"/> records as CLEF lines.</summary>
    public List<string> NextLines(int count) => Enumerable.Range(0, count).Select(_ => AuditClef.Line(Next())).ToList();
}

/// <summary>CLEF lines and files for tests, written with System.Text.Json as CompactJsonFormatter lays them out.</summary>
internal static class AuditClef
{
    /// <summary>One CLEF object: @t, @mt, then each non-null field as a top-level property (null fields absent).</summary>
    public static string Line(IReadOnlyDictionary<string, object?> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("@t", (string)fields[AuditFields.Time]!);
            writer.WriteString("@mt", "MCP {Method} {Tool} {Decision} {Outcome}");
            foreach (var (name, value) in fields)
            {
                switch (value)
                {
                    case string text:
                        writer.WriteString(name, text);
                        break;
                    case long number:
                        writer.WriteNumber(name, number);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Write(string path, IEnumerable<string> lines)
    {
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        return path;
    }

    /// <summary>The line with one property's value replaced, leaving the Hash as it was (an edit).</summary>
    public static string Edit(string line, string field, object? value)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line)!
            .ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
        fields[field] = value;
        return JsonSerializer.Serialize(fields);
    }
}

/// <summary>The audit chain key the test records are keyed with, and a key file holding it for <c>--key-file</c>.</summary>
internal static class AuditTestKey
{
    public const string Secret = "test-audit-chain-key-0123456789abcdefghijkl";

    public static AuditChainKey Key { get; } = AuditChainKey.FromSecret(Secret);

    /// <summary>A file holding <see cref="Secret"/> (one per test run, in the temp folder).</summary>
    public static string File { get; } = WriteKeyFile();

    private static string WriteKeyFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mcpplatform-audit-key-{Guid.NewGuid():N}.txt");
        System.IO.File.WriteAllText(path, Secret + "\n");
        return path;
    }
}
