using System.Text.Json;
using McpPlatform.Cli.Audit;
using McpPlatform.Cli.Tests.Tokens;

namespace McpPlatform.Cli.Tests.Audit;

/// <summary>
/// A fleet's audit folder: two replicas of a real server, each writing its own folder and chain
/// (<c>McpPlatform:Audit:Directory</c> = <c>audit/{Replica}</c>) with its replica id in every record;
/// <c>audit verify FOLDER</c> checks every replica's chains and names the one with a gap.
/// </summary>
public sealed class FleetAuditVerifyTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Every_replicas_chain_verifies_from_the_fleet_folder_and_a_gap_names_its_replica()
    {
        foreach (var replica in new[] { "replica-a", "replica-b" })
        {
            await using var server = await WorkplaceServer.StartAsync(new Dictionary<string, string?>
            {
                ["McpPlatform:Audit:Directory"] = _folder.Combine("audit", "{Replica}"),
                ["McpPlatform:Audit:ReplicaId"] = replica,
                ["McpPlatform:Secrets:LocalStoreDirectory"] = _folder.Combine("secrets"), // one key for the fleet
            });
            using var http = new HttpClient();
            for (var i = 0; i < 3; i++)
            {
                using var refused = await http.PostAsync(server.McpUri, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
                Assert.Equal(401, (int)refused.StatusCode); // each refusal is an audit record
            }
        }

        var store = _folder.Combine("secrets");
        var fleet = _folder.Combine("audit");
        var recordsOfB = File.ReadAllLines(Directory.GetFiles(Path.Combine(fleet, "replica-b"), "*.clef").Single());

        var intact = (await CliRun.RunAsync(["audit", "verify", "--store", store, fleet])).EnsureSuccess();

        Assert.All(recordsOfB, line => Assert.Equal("replica-b", JsonDocument.Parse(line).RootElement.GetProperty("Replica").GetString()));
        var output = intact.Stdout.ReplaceLineEndings("\n");
        Assert.Matches(@"replica replica-a: OK: 1 file, 4 records, 1 chain, 1 signed checkpoint\n", output);
        Assert.Matches(@"replica replica-b: OK: 1 file, 4 records, 1 chain, 1 signed checkpoint\n", output);
        Assert.Contains("OK: 2 replicas, 8 records, every chain intact", output);

        // One record deleted from the middle of replica-b's chain.
        var fileOfB = Directory.GetFiles(Path.Combine(fleet, "replica-b"), "*.clef").Single();
        await File.WriteAllLinesAsync(fileOfB, recordsOfB.Where((_, index) => index != 1));
        var gap = await CliRun.RunAsync(["audit", "verify", "--store", store, fleet]);
        var gapJson = await CliRun.RunAsync(["audit", "verify", "--store", store, "--json", fleet]);

        Assert.Equal(1, gap.ExitCode);
        Assert.Contains("FAILED: 1 of 2 replicas not intact (replica-b)", gap.Stdout);
        Assert.Matches(@"replica replica-a: OK", gap.Stdout);
        using var document = JsonDocument.Parse(gapJson.Stdout);
        Assert.False(document.RootElement.GetProperty("ok").GetBoolean());
        var replicas = document.RootElement.GetProperty("replicas").EnumerateArray().ToDictionary(r => r.GetProperty("replica").GetString()!);
        Assert.True(replicas["replica-a"].GetProperty("ok").GetBoolean());
        Assert.Equal(AuditProblemKinds.Deleted, replicas["replica-b"].GetProperty("firstProblem").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_folder_without_audit_files_is_a_usage_error()
    {
        Directory.CreateDirectory(_folder.Combine("empty", "replica-a"));

        var run = await AuditCli.VerifyAsync(_folder.Combine("empty"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds no audit files", run.Stderr);
    }
}
