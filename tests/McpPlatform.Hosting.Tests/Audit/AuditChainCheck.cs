using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Secrets;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Secrets;
using McpPlatform.Secrets.LocalStore;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// The verifier's rules, checked with <see cref="AuditChain.ComputeHash(System.Text.Json.JsonElement, AuditChainKey)"/> on the
/// lines as read back: each record hashes (HMAC under the server's audit chain key) to its <c>Hash</c>, and within each
/// chain <c>Seq</c> runs 1, 2, 3, ... in file order with each <c>PrevHash</c> the previous record's <c>Hash</c>.
/// </summary>
public static class AuditChainCheck
{
    /// <summary>
    /// The key the test server chained with: test servers keep their local secret store in the audit folder
    /// (<c>secrets</c>, see RunningServer), where the server created the key in Development.
    /// </summary>
    public static AuditChainKey KeyOf(string auditFolder)
    {
        var secret = LocalSecretStore.Open(Path.Combine(auditFolder, "secrets"))
            .GetSecretAsync(AuditChainKey.DefaultSecretName, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Assert.True(secret is not null, $"No audit chain key in {auditFolder}/secrets.");
        return AuditChainKey.FromSecret(secret.Value);
    }

    /// <summary>Fails on the first record that breaks its chain; returns the chains found, in order of first record.</summary>
    public static IReadOnlyList<string> AssertIntact(AuditTrail trail)
    {
        var key = KeyOf(trail.Folder);
        var last = new Dictionary<string, (long Seq, string Hash)>(StringComparer.Ordinal);
        var chains = new List<string>();
        foreach (var line in trail.Lines)
        {
            Assert.True(line.String(AuditFields.AuditSchema) == AuditFields.SchemaVersion, $"Schema is not {AuditFields.SchemaVersion}: {line}");
            var chainId = line.ChainId;
            Assert.False(string.IsNullOrEmpty(chainId), $"No ChainId: {line}");
            var hash = line.String(AuditFields.Hash);
            Assert.True(hash == AuditChain.ComputeHash(line.Fields, key), $"Hash is not the keyed hash of the record: {line}");

            var (previousSeq, previousHash) = last.TryGetValue(chainId, out var previous) ? previous : (0L, AuditChain.GenesisHash);
            if (previousSeq == 0)
            {
                chains.Add(chainId);
                Assert.True(line.Kind == AuditRecord.ChainStartKind, $"Chain {chainId} does not open with a chain-start record: {line}");
            }

            Assert.True(line.Seq == previousSeq + 1, $"Seq {line.Seq} follows {previousSeq} in chain {chainId}: {line}");
            Assert.True(line.String(AuditFields.PrevHash) == previousHash, $"PrevHash does not link to record {previousSeq} of chain {chainId}: {line}");
            last[chainId] = (line.Seq, hash!);
        }

        return chains;
    }
}
