using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Secrets;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Secrets;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;
using McpPlatform.Secrets.LocalStore;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// The records a real server writes (hashed by the writer's own fast path) are RFC 8785 records: node + the npm
/// package <c>canonicalize</c> + HMAC-SHA256 under the audit chain key recompute every hash in the file.
/// </summary>
public sealed class StockJcsAuditTests : IDisposable
{
    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task Every_record_a_server_writes_hashes_as_a_stock_jcs_tool_computes()
    {
        await using (var server = await RunningServer.StartAsync(new ServerSetup { AuditDirectory = _audit.Path }))
        {
            await using var client = await server.ConnectClientAsync();
            await client.CallAsync("echo", """{"text":"plain ascii with \"quotes\" and <&> 'marks' + `ticks`"}""");
            await client.CallAsync("echo", """{"text":"naïve café 😀 \u2028 tab\there"}""");

            // The audit keeps a Code Mode script as it is (Arguments is escaped JSON text): non-ASCII reaches the hasher raw.
            await using var codeMode = await server.ConnectCodeModeAsync();
            await codeMode.ExecuteAsync("// naïve café 😀\nreturn 1;");
        }

        var secret = (await LocalSecretStore.Open(Path.Combine(_audit.Path, "secrets")).GetSecretAsync(AuditChainKey.DefaultSecretName, CancellationToken.None))?.Value;
        Assert.True(secret is not null, "Development did not create the audit chain key in the local secret store.");
        var files = Directory.GetFiles(_audit.Path, "*.clef");
        Assert.NotEmpty(files);

        var canonicals = new List<string>();
        foreach (var file in files)
        {
            var stock = await StockJcs.AuditAsync(file, secret, AuditFields.Hashed, AuditFields.HashedWhenPresent);
            foreach (var record in stock.GetProperty("records").EnumerateArray())
            {
                Assert.Equal(record.GetProperty("recorded").GetString(), record.GetProperty("hash").GetString());
                canonicals.Add(record.GetProperty("canonical").GetString()!);
            }
        }

        Assert.Contains(canonicals, c => c.StartsWith("[\"mcp-platform.audit/3\",", StringComparison.Ordinal));
        Assert.Contains(canonicals, c => c.Contains("\"tools/call\"", StringComparison.Ordinal)); // all ASCII: the writer's fast path
        Assert.Contains(canonicals, c => c.Contains("\"// naïve café 😀\\nreturn 1;\"", StringComparison.Ordinal)); // raw UTF-8, not \u escapes
    }
}
