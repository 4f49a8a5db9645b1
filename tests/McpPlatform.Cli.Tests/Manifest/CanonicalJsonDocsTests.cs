using System.Text.Json;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Cli.Tests.Manifest;

/// <summary>The worked examples in docs/canonical-json.md are what the platform computes, byte for byte.</summary>
public sealed class CanonicalJsonDocsTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "canonical-json.md"));

    [Fact]
    public void The_manifest_example_has_the_canonical_bytes_and_hash_the_page_shows()
    {
        const string fragment = """
            {
              "manifestVersion": 1,
              "server": { "name": "Acme.Jira", "version": "1.0.0" },
              "codeMode": { "enabled": true, "default": "search_and_execute" },
              "governance": { "http": { "maxRequestBodyBytes": 1048576.0 } },
              "tools": [
                { "name": "issues_search", "access": "read", "description": "Finds issues by \"JQL\" — café, 😀" }
              ],
              "hash": "sha256:…"
            }
            """;
        using var document = JsonDocument.Parse(fragment);
        using var withoutHash = JsonDocument.Parse(fragment.Replace(",\n  \"hash\": \"sha256:…\"", string.Empty, StringComparison.Ordinal));

        var canonical = CanonicalJson.ToCanonicalString(withoutHash.RootElement);
        var hash = ManifestDocument.ComputeHash(document.RootElement);

        Assert.Contains(fragment, Page);
        Assert.Contains("\n" + canonical + "\n", Page);
        Assert.Equal(289, CanonicalJson.ToUtf8Bytes(withoutHash.RootElement).Length);
        Assert.Contains("these 289 bytes", Page);
        Assert.Equal("sha256:498ef0d07c0e21fc89bcf748cf8255ba88a51247364503c137fc9f2df5d96801", hash);
        Assert.Contains("\n" + hash + "\n", Page);
    }

    [Fact]
    public void The_audit_example_has_the_hash_the_page_shows()
    {
        var line = Page.Split('\n').Single(l => l.StartsWith("{\"@t\":\"2026-11-25T10:00:01.0000000Z\"", StringComparison.Ordinal));
        using var record = JsonDocument.Parse(line);

        var hash = AuditChain.ComputeHash(record.RootElement, AuditChainKey.FromSecret("example-audit-chain-key-0123456789abcdef"));

        Assert.Equal("5c7354b408b0e0d73b340a77e2df151001d8f1d6407bf42ed3294f6d69adebdb", hash);
        Assert.Equal(hash, record.RootElement.GetProperty(AuditFields.Hash).GetString());
        Assert.Contains($"its `Hash`, `{hash}`", Page);
    }
}
