using System.Text.Json;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// When the audit sink fails, the chain restarts under a new ChainId; that restart is itself recorded: the new
/// chain's first record says the sink failed and names the previous chain's last head on disk.
/// </summary>
public sealed class ChainRestartTests : IDisposable
{
    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task A_chain_restarted_by_a_sink_failure_opens_with_a_record_naming_the_failure_and_the_previous_head()
    {
        var file = Path.Combine(_audit.Path, "audit-flaky.clef");
        await using (var server = await RunningServer.StartAsync(new ServerSetup
        {
            AuditDirectory = _audit.Path,
            Settings = new Dictionary<string, string?>
            {
                ["McpPlatform:Audit:Serilog:Using:0"] = "McpPlatform.Hosting.Tests",
                ["McpPlatform:Audit:Serilog:AuditTo:0:Name"] = "FlakyAuditFile",
                ["McpPlatform:Audit:Serilog:AuditTo:0:Args:path"] = file,
            },
        }))
        {
            await using var client = await server.ConnectClientAsync();
            await client.CallAsync("echo", """{"text":"before"}""");
            await server.Services.GetRequiredService<McpPlatform.Governance.Audit.AuditLog>().FlushAsync();

            await File.WriteAllTextAsync(FlakyAuditSinkExtensions.FailSwitch(file), "full");
            var refused = await client.CallAsync("open_ticket", """{"ticket":{"title":"Disk full","priority":"Low"}}""");
            Assert.True(refused.IsError, "The write call ran although its intent record could not be written.");
            File.Delete(FlakyAuditSinkExtensions.FailSwitch(file));

            await client.CallAsync("echo", """{"text":"after"}""");
        }

        var trail = _audit.Read();

        var chains = AuditChainCheck.AssertIntact(trail);
        Assert.True(chains.Count >= 2, $"The failure did not start a new chain:{Environment.NewLine}{trail}");
        var before = trail.Lines.Last(l => l.ChainId == chains[0]);
        var restart = trail.ChainStarts.Last();
        Assert.Equal(chains[^1], restart.ChainId);
        Assert.Equal("sink-failure", restart.Outcome);
        Assert.Contains("No space left on device", restart.String(McpPlatform.Governance.Audit.AuditFields.Error));
        using var previous = JsonDocument.Parse(restart.String(McpPlatform.Governance.Audit.AuditFields.Arguments)!);
        Assert.Equal(
            (chains[0], before.Seq, before.String(McpPlatform.Governance.Audit.AuditFields.Hash)),
            (previous.RootElement.GetProperty("previousChainId").GetString(), previous.RootElement.GetProperty("previousSeq").GetInt64(), previous.RootElement.GetProperty("previousHash").GetString()));
        Assert.Contains(trail.Requests, l => l.ChainId == chains[^1] && l.Tool == "echo" && l.String(McpPlatform.Governance.Audit.AuditFields.Arguments)!.Contains("after", StringComparison.Ordinal));
    }
}
