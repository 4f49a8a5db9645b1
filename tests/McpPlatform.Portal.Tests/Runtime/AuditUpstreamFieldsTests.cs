using McpPlatform.Governance.Audit;

namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>The audit record's Upstream and UpstreamMs: in the chain hash when present, absent from it otherwise.</summary>
public sealed class AuditUpstreamFieldsTests
{
    private static readonly AuditChainKey Key = AuditChainKey.FromSecret("portal-runtime-tests-audit-key-0123456789");

    [Fact]
    public void Record_without_upstream_fields_hashes_as_before_they_existed()
    {
        var record = Record();
        var withNulls = new Dictionary<string, object?>(record) { [AuditFields.Upstream] = null, [AuditFields.UpstreamMs] = null };

        // The canonical array of the 27 fields alone (plain ASCII values: JSON serialization is the canonical form),
        // exactly what records were hashed over before the upstream fields existed.
        var fields = AuditFields.Hashed.Select(name => record.GetValueOrDefault(name)).ToArray();
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(fields))));

        Assert.Equal(expected, AuditChain.ComputeHash(record));
        Assert.Equal(expected, AuditChain.ComputeHash(withNulls));
        Assert.Equal(AuditChain.ComputeHash(record, Key), AuditChain.ComputeHash(withNulls, Key));
    }

    [Fact]
    public void Upstream_fields_are_covered_by_the_hash_when_present()
    {
        var plain = AuditChain.ComputeHash(Record(), Key);
        var upstream = AuditChain.ComputeHash(new Dictionary<string, object?>(Record()) { [AuditFields.Upstream] = "jira", [AuditFields.UpstreamMs] = 12L }, Key);
        var otherLatency = AuditChain.ComputeHash(new Dictionary<string, object?>(Record()) { [AuditFields.Upstream] = "jira", [AuditFields.UpstreamMs] = 13L }, Key);
        var onlyLatency = AuditChain.ComputeHash(new Dictionary<string, object?>(Record()) { [AuditFields.UpstreamMs] = 12L }, Key);

        Assert.NotEqual(plain, upstream);
        Assert.NotEqual(upstream, otherLatency);
        Assert.NotEqual(plain, onlyLatency);
    }

    private static Dictionary<string, object?> Record() => new()
    {
        [AuditFields.AuditSchema] = AuditFields.SchemaVersion,
        [AuditFields.ChainId] = "chain",
        [AuditFields.Seq] = 1L,
        [AuditFields.PrevHash] = AuditChain.GenesisHash,
        [AuditFields.Time] = "2026-12-06T17:00:00.0000000Z",
        [AuditFields.Kind] = AuditRecord.RequestKind,
        [AuditFields.Method] = "tools/call",
        [AuditFields.Tool] = "jira_search",
        [AuditFields.Outcome] = "ok",
        [AuditFields.DurationMs] = 15L,
    };
}
