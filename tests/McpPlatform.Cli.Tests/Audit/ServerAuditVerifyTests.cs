using McpPlatform.Cli.Audit;
using McpPlatform.Cli.Tests.Tokens;

namespace McpPlatform.Cli.Tests.Audit;

/// <summary>
/// The audit folder a real server wrote over two runs, verified by the CLI with the key from the same local
/// secret store: intact as written; with the last record cut off, the signed checkpoint names the cut tail.
/// </summary>
public sealed class ServerAuditVerifyTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_servers_audit_folder_verifies_with_the_key_from_its_store_and_a_cut_tail_is_caught()
    {
        var settings = new Dictionary<string, string?>
        {
            ["McpPlatform:Audit:Directory"] = _folder.Combine("audit"),
            ["McpPlatform:Secrets:LocalStoreDirectory"] = _folder.Combine("secrets"),
        };
        for (var run = 0; run < 2; run++)
        {
            await using var server = await WorkplaceServer.StartAsync(settings);
            using var http = new HttpClient();
            for (var i = 0; i < 3; i++)
            {
                using var refused = await http.PostAsync(server.McpUri, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
                Assert.Equal(401, (int)refused.StatusCode); // each refusal is an audit record
            }
        }

        var files = Directory.GetFiles(_folder.Combine("audit"), "*.clef").Order(StringComparer.Ordinal).ToArray();
        var store = _folder.Combine("secrets");

        var intact = (await CliRun.RunAsync(["audit", "verify", "--store", store, .. files])).EnsureSuccess();
        Assert.Matches(@"^OK: 1 file, 8 records, 2 chains, 2 signed checkpoints\n", intact.Stdout.ReplaceLineEndings("\n"));

        var last = files[^1];
        var lines = await File.ReadAllLinesAsync(last);
        await File.WriteAllLinesAsync(last, lines[..^1]);
        var cut = await CliRun.RunAsync(["audit", "verify", "--store", store, "--json", .. files]);

        Assert.Equal(1, cut.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(cut.Stdout);
        Assert.Equal(AuditProblemKinds.TruncatedTail, document.RootElement.GetProperty("firstProblem").GetProperty("kind").GetString());
    }
}
