using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>The per-caller cap on running executions, and the wall-clock timeout (inner calls included).</summary>
public sealed class ConcurrencyAndTimeoutTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_caller_past_its_concurrent_execution_cap_is_refused_and_others_are_not()
    {
        await using var held = await HeldResponseServer.StartAsync();
        await using var server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["McpPlatform:CodeMode:MaxConcurrentExecutionsPerCaller"] = "2",
        });
        var other = TestCaller.Default with { Subject = "another-user" };
        await using var client = await server.ConnectCodeModeAsync();
        await using var otherClient = await server.ConnectCodeModeAsync(caller: other);
        var holding = $"return await codemode.fetch_url({{ url: '{held.HoldUri.AbsoluteUri}' }});";

        var first = client.ExecuteAsync(holding);
        var second = client.ExecuteAsync(holding);
        await held.Reached(2).WaitAsync(Patience);
        var third = await client.ExecuteAsync("return 1;");
        var otherCaller = await otherClient.ExecuteAsync("return 2;");
        held.Release();

        Assert.Contains("MaxConcurrentExecutionsPerCaller", third.Error());
        Assert.Equal(2, otherCaller.Result().GetInt32());
        Assert.Equal("released", (await first.WaitAsync(Patience)).Result().GetString());
        Assert.Equal("released", (await second.WaitAsync(Patience)).Result().GetString());
        Assert.Equal(3, (await client.ExecuteAsync("return 3;")).Result().GetInt32());
    }

    [Fact]
    public async Task An_execution_waiting_on_a_slow_tool_ends_at_the_timeout()
    {
        await using var held = await HeldResponseServer.StartAsync();
        await using var server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["McpPlatform:CodeMode:Timeout"] = "00:00:01",
        });
        await using var client = await server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync($"return await codemode.fetch_url({{ url: '{held.HoldUri.AbsoluteUri}' }});");

        Assert.Contains("McpPlatform:CodeMode:Timeout", result.Error());
        held.Release();
        await HostileScriptTests.AssertServesNormalCallAsync(client);
    }

    [Fact]
    public async Task A_busy_loop_ends_at_the_timeout_when_the_statement_limit_is_high()
    {
        await using var server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["McpPlatform:CodeMode:Timeout"] = "00:00:01",
            ["McpPlatform:CodeMode:MaxStatements"] = "2000000000",
            ["McpPlatform:CodeMode:MemoryLimitBytes"] = "1073741824",
        });
        await using var client = await server.ConnectCodeModeAsync();

        // An empty loop allocates nothing, so only the clock can stop it.
        var result = await client.ExecuteAsync("for (;;) {}");

        Assert.Contains("McpPlatform:CodeMode:Timeout", result.Error());
        await HostileScriptTests.AssertServesNormalCallAsync(client);
    }
}
