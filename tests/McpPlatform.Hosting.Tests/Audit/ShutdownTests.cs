using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>No audit record is lost when the server stops while callers are busy: the log is flushed after the server drains.</summary>
public sealed class ShutdownTests : IDisposable
{
    private const int Clients = 4;
    private const int CallsPerClient = 50;

    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task Every_call_of_a_concurrent_burst_has_exactly_one_record_after_shutdown()
    {
        int invocations;
        await using (var server = await StartAsync())
        {
            var clients = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => server.ConnectClientAsync()));
            try
            {
                var results = await Task.WhenAll(clients.SelectMany(client =>
                    Enumerable.Range(0, CallsPerClient).Select(_ => client.CallAsync("count_call"))));
                Assert.All(results, r => Assert.NotEqual(true, r.IsError));
            }
            finally
            {
                foreach (var client in clients)
                {
                    await client.DisposeAsync();
                }
            }

            invocations = server.Services.GetRequiredService<ToolInvocations>().Count("count_call");
        }

        var trail = _audit.Read();

        Assert.Equal(Clients * CallsPerClient, invocations);
        var calls = trail.Requests.Where(l => l.Method == "tools/call").ToList();
        Assert.Equal(Clients * CallsPerClient, calls.Count);
        Assert.All(calls, l => Assert.Equal(("count_call", "ok"), (l.Tool, l.Outcome)));
        var handshakes = trail.Requests.Where(l => l.Method != "tools/call").Select(l => l.Method).ToList();
        Assert.True(handshakes.Count == Clients, "Expected one handshake record per client, got: " + string.Join(", ", handshakes));
        AuditChainCheck.AssertIntact(trail);
    }

    [Fact]
    public async Task Stopping_the_server_mid_burst_loses_no_record_of_a_call_that_answered_or_ran()
    {
        int invocations;
        var answered = 0;
        var failed = 0;
        var server = await StartAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => server.ConnectClientAsync()));
        var tools = server.Services.GetRequiredService<ToolInvocations>();
        try
        {
            // Each client calls in a loop, so calls are arriving, running and answering when the stop begins.
            var callers = clients.Select(CallInALoopAsync).ToList();
            while (tools.Count("count_call") < CallsPerClient && !callers.All(c => c.IsCompleted))
            {
                await Task.Delay(1);
            }

            await server.DisposeAsync();
            await Task.WhenAll(callers);
            invocations = tools.Count("count_call");

            async Task CallInALoopAsync(McpClient client)
            {
                for (var i = 0; i < CallsPerClient * 4; i++)
                {
                    try
                    {
                        var result = await client.CallAsync("count_call");
                        Interlocked.Increment(ref result.IsError == true ? ref failed : ref answered);
                    }
                    catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                    {
                        // Refused or cut off by the stop: such a call may or may not have run.
                        Interlocked.Increment(ref failed);
                        return;
                    }
                }
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        var trail = _audit.Read();

        var ran = trail.Requests.Count(l => l.Method == "tools/call" && l.Outcome == "ok");
        Assert.True(failed > 0, $"The stop came after all {answered} calls had answered; nothing was in flight.");
        Assert.True(ran == invocations, $"{invocations} calls ran, {ran} ok records.{Environment.NewLine}{trail}");
        Assert.True(answered <= ran, $"{answered} calls answered, {ran} ok records.");
        AuditChainCheck.AssertIntact(trail);
    }

    private Task<RunningServer> StartAsync() =>
        RunningServer.StartAsync(new ServerSetup
        {
            AuditDirectory = _audit.Path,
            Settings = new Dictionary<string, string?>
            {
                ["McpPlatform:RateLimits:Enabled"] = "false",
                ["McpPlatform:Audit:Console"] = "false",
            },
        });
}
