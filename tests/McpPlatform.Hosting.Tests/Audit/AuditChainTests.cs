using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>The hash chain over the records in the audit file: what <c>mcp-platform audit verify</c> checks.</summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task Every_record_hashes_to_its_hash_and_links_to_the_previous_record_of_its_chain_across_restarts()
    {
        var chainIds = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            await using var server = await StartAsync();
            using (var http = new HttpClient())
            using (var refused = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri)))
            {
                Assert.Equal(401, (int)refused.StatusCode);
            }

            await using (var client = await server.ConnectClientAsync())
            {
                await client.ListToolsAsync();
                await client.CallAsync("echo", """{"text":"caf\u00e9 \ud83d\ude00 <tag> \"quoted\""}""");
                await client.CallAsync("open_ticket", """{"ticket":{"title":"Chained","priority":"High","labels":["a","b"]}}""");
                await client.CallAsync("explode", """{"reason":"testing"}""");
            }

            chainIds.Add(server.Services.GetRequiredService<AuditLog>().ChainId);
        }

        var trail = _audit.Read();

        var chains = AuditChainCheck.AssertIntact(trail);
        Assert.Equal(chainIds, chains);
        Assert.All(chainIds, id => Assert.True(trail.Lines.Count(l => l.ChainId == id) >= 7, $"Chain {id} is missing records:{Environment.NewLine}{trail}"));
        Assert.Contains(trail.Requests, l => l.String(AuditFields.Arguments)?.Contains("caf", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Fields_holding_every_ascii_character_hash_as_the_verifier_reads_them_back()
    {
        // The writer escapes ASCII strings itself; the verifier parses the line and writes the canonical
        // form with System.Text.Json. The subject reaches the record as the token carried it, unescaped;
        // the arguments reach it as JSON text (quotes and backslashes).
        var printable = new string([.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)]);
        var everyAscii = new string([.. Enumerable.Range(0, 128).Select(c => (char)c)]);
        var caller = TestCaller.Default with { Subject = "user " + printable + "\t\u007f" };
        await using (var server = await StartAsync())
        {
            await using var client = await server.ConnectClientAsync(caller);
            await client.CallAsync("echo", System.Text.Json.JsonSerializer.Serialize(new { text = everyAscii }));
        }

        var trail = _audit.Read();

        AuditChainCheck.AssertIntact(trail);
        var echoed = Assert.Single(trail.Requests, l => l.Tool == "echo");
        Assert.Equal(caller.Subject, echoed.String(AuditFields.Subject));
        using var arguments = System.Text.Json.JsonDocument.Parse(echoed.String(AuditFields.Arguments)!);
        Assert.Equal(everyAscii, arguments.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Changing_any_hashed_field_of_a_written_record_breaks_its_hash()
    {
        await using (var server = await StartAsync())
        {
            await using var client = await server.ConnectClientAsync();
            await client.CallAsync("open_ticket", """{"ticket":{"title":"Tamper","priority":"Low"}}""");
        }

        var record = Assert.Single(_audit.Read().Requests, l => l.Tool == "open_ticket");
        var hash = record.String(AuditFields.Hash);
        var key = AuditChainCheck.KeyOf(_audit.Path);
        Assert.Equal(hash, AuditChain.ComputeHash(record.Fields, key));

        foreach (var (field, value) in new[] { (AuditFields.Outcome, "denied"), (AuditFields.Subject, "someone-else"), (AuditFields.Arguments, "{}") })
        {
            var tampered = System.Text.Json.Nodes.JsonNode.Parse(record.Text)!.AsObject();
            tampered[field] = value;
            using var document = System.Text.Json.JsonDocument.Parse(tampered.ToJsonString());
            Assert.NotEqual(hash, AuditChain.ComputeHash(document.RootElement, key));
        }
    }

    private Task<RunningServer> StartAsync() =>
        RunningServer.StartAsync(new ServerSetup { AuditDirectory = _audit.Path });
}
