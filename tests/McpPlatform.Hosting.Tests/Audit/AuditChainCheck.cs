using McpPlatform.Hosting.Audit;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// The verifier's rules, checked with <see cref="AuditChain.ComputeHash(System.Text.Json.JsonElement)"/> on the
/// lines as read back: each record hashes to its <c>Hash</c>, and within each chain <c>Seq</c> runs 1, 2, 3, ...
/// in file order with each <c>PrevHash</c> the previous record's <c>Hash</c>.
/// </summary>
public static class AuditChainCheck
{
    /// <summary>Fails on the first record that breaks its chain; returns the chains found, in order of first record.</summary>
    public static IReadOnlyList<string> AssertIntact(AuditTrail trail)
    {
        var last = new Dictionary<string, (long Seq, string Hash)>(StringComparer.Ordinal);
        var chains = new List<string>();
        foreach (var line in trail.Lines)
        {
            Assert.True(line.String(AuditFields.AuditSchema) == AuditFields.SchemaVersion, $"Schema is not {AuditFields.SchemaVersion}: {line}");
            var chainId = line.ChainId;
            Assert.False(string.IsNullOrEmpty(chainId), $"No ChainId: {line}");
            var hash = line.String(AuditFields.Hash);
            Assert.True(hash == AuditChain.ComputeHash(line.Fields), $"Hash does not match the record: {line}");

            var (previousSeq, previousHash) = last.TryGetValue(chainId, out var previous) ? previous : (0L, AuditChain.GenesisHash);
            if (previousSeq == 0)
            {
                chains.Add(chainId);
            }

            Assert.True(line.Seq == previousSeq + 1, $"Seq {line.Seq} follows {previousSeq} in chain {chainId}: {line}");
            Assert.True(line.String(AuditFields.PrevHash) == previousHash, $"PrevHash does not link to record {previousSeq} of chain {chainId}: {line}");
            last[chainId] = (line.Seq, hash!);
        }

        return chains;
    }
}
