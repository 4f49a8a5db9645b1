using System.Text.Json;
using McpPlatform.Cli.Tests.Audit;
using McpPlatform.Cli.Tests.Manifest;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Cli.Tests;

/// <summary>
/// A reviewer can recompute every hash with a stock RFC 8785 tool: node + the npm package <c>canonicalize</c> +
/// SHA-256 (eng/node/jcs-hash.mjs) give the same manifest, input-schema and audit hashes as the platform.
/// </summary>
public sealed class StockJcsToolTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("GovernanceManifest.json")]
    [InlineData("HandbookManifest.json")]
    public async Task A_generated_manifests_hashes_are_what_a_stock_jcs_tool_computes(string name)
    {
        var path = Path.Combine(RepositoryLayout.Root, "tests", "McpPlatform.Generators.Tests", "Expected", name);
        var manifest = ManifestDocument.Load(path);

        var stock = await StockJcs.ManifestAsync(path);

        Assert.Equal(manifest.Hash, stock.GetProperty("hash").GetString());
        Assert.Equal(manifest.Hash, stock.GetProperty("recorded").GetString());
        Assert.NotEmpty(manifest.Tools);
        foreach (var tool in stock.GetProperty("inputSchemaHashes").EnumerateArray())
        {
            Assert.Equal(tool.GetProperty("recorded").GetString(), tool.GetProperty("hash").GetString());
        }
    }

    [Fact]
    public async Task An_approved_manifest_with_a_number_beyond_2_to_the_53_hashes_as_a_stock_jcs_tool_does()
    {
        var text = EarlierFormManifestTests.CurrentFormOf(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "tests", "Shared", "EarlierForms", "earlier-form.manifest.json")));
        var approved = ApprovedManifest.Create(ManifestDocument.Parse(text, "rebuilt"), "jane.doe@example.com", DateTimeOffset.UnixEpoch);
        var path = _folder.Combine(ManifestFiles.ApprovedFileName);
        approved.Write(path);

        var stock = await StockJcs.ManifestAsync(path);

        Assert.Equal(ApprovedManifest.Load(path).Manifest.Hash, stock.GetProperty("hash").GetString());
        Assert.Contains("\"maxRequestBodyBytes\":9007199254740992", stock.GetProperty("canonical").GetString());
    }

    [Fact]
    public async Task Audit_record_hashes_are_what_a_stock_jcs_tool_and_hmac_compute()
    {
        var chain = new AuditChainWriter();
        var lines = new List<string>
        {
            AuditClef.Line(chain.Next()),
            AuditClef.Line(chain.Next(f => f[AuditFields.Arguments] = "{\"q\":\"naïve <&> 'x' + `y` \\\\ \\n 😀 \u2028 \u007f\"}")),
            AuditClef.Line(chain.Next(f => (f[AuditFields.ResultBytes], f[AuditFields.Error]) = (9007199254740993L, "tab\there, bell\u0007"))),
        };
        var file = AuditClef.Write(_folder.Combine("audit.clef"), lines);

        var stock = await StockJcs.AuditAsync(file, AuditTestKey.Secret, AuditFields.Hashed, AuditFields.HashedWhenPresent);

        var records = stock.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(r.GetProperty("recorded").GetString(), r.GetProperty("hash").GetString()));
        Assert.Contains(",9007199254740992,", records[2].GetProperty("canonical").GetString());
        (await AuditCli.VerifyAsync(file)).EnsureSuccess();
    }
}
