using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Testing;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>
/// What an execution may cost the server beyond its own sandbox: results nested too deep, inner
/// calls against the caller's request budget, tools that ignore cancellation, and whose budget a
/// token without a subject is counted in.
/// </summary>
public sealed class ExecutionLimitTests : AuditedIssuerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_inner_result_nested_deeper_than_64_levels_gives_an_error_naming_the_limit()
    {
        await using var server = await RunningServer.StartAsync();
        await using var client = await server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("""
            const shallow = await codemode.deep_result({ depth: 10 });
            try { await codemode.deep_result({ depth: 100 }); return 'parsed'; } catch (e) { return [JSON.stringify(shallow.value).length, e.message]; }
            """);

        var value = result.Result();
        Assert.Equal(20, value[0].GetInt32());
        Assert.Contains("nested deeper than 64 levels", value[1].GetString(), StringComparison.Ordinal);
        await HostileScriptTests.AssertServesNormalCallAsync(client);
    }

    [Fact]
    public async Task A_returned_value_nested_deeper_than_64_levels_gives_an_error_naming_the_limit()
    {
        await using var server = await RunningServer.StartAsync();
        await using var client = await server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("let o = 1; for (let i = 0; i < 100; i++) o = [o]; return o;");

        Assert.Contains("The returned value is nested deeper than 64 levels", result.Error(), StringComparison.Ordinal);
        await HostileScriptTests.AssertServesNormalCallAsync(client);
    }

    [Fact]
    public async Task Inner_calls_are_charged_to_the_callers_request_budget()
    {
        await using var server = await RunningServer.StartAsync(settings: Budget(tokens: 8));
        await using var client = await server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("""
            const outcomes = [];
            for (let i = 0; i < 12; i++) { try { await codemode.echo({ text: 'x' }); outcomes.push('ok'); } catch (e) { outcomes.push(e.message); } }
            return outcomes;
            """);

        var outcomes = result.Result().EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains("ok", outcomes);
        Assert.Contains(outcomes, o => o.Contains("McpPlatform:RateLimits:PerCaller", StringComparison.Ordinal));
        Assert.True(outcomes.Count(o => o == "ok") < 8, "One HTTP request bought more inner calls than the whole request budget: " + string.Join(" | ", outcomes));
    }

    [Fact]
    public async Task Tokens_without_a_subject_from_different_clients_do_not_share_limits()
    {
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Issuer = Issuer,
            Settings = new Dictionary<string, string?> { ["McpPlatform:CodeMode:MaxConcurrentExecutionsPerCaller"] = "1" },
        });
        await using var first = await server.ConnectCodeModeWithTokenAsync(SubjectlessToken(server, "first-client"));
        await using var second = await server.ConnectCodeModeWithTokenAsync(SubjectlessToken(server, "second-client"));
        var key = Guid.NewGuid().ToString("N");
        var call = StubbornCalls.Get(key);

        // The first client's only execution slot is taken; the second client's token has no sub either.
        var holding = first.ExecuteAsync($"return await codemode.stubborn_wait({{ key: '{key}' }});");
        await call.Started.Task.WaitAsync(Patience);
        var other = await second.ExecuteAsync("return await codemode.echo({ text: 'own slot' });");
        call.Release.TrySetResult();

        Assert.Equal("own slot", other.Result().GetString());
        Assert.Equal("finished " + key, (await holding.WaitAsync(Patience)).Result().GetString());
    }

    [Fact]
    public async Task An_inner_call_that_ignores_cancellation_keeps_the_execution_slot_until_it_ends()
    {
        await using var server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["McpPlatform:CodeMode:Timeout"] = "00:00:01",
            ["McpPlatform:CodeMode:MaxConcurrentExecutionsPerCaller"] = "1",
        });
        await using var client = await server.ConnectCodeModeAsync();
        var key = Guid.NewGuid().ToString("N");
        var call = StubbornCalls.Get(key);

        var timedOut = await client.ExecuteAsync($"return await codemode.stubborn_wait({{ key: '{key}' }});");
        var whileStraggling = await client.ExecuteAsync("return 2;");
        var stillRunning = !call.Finished.Task.IsCompleted;
        call.Release.TrySetResult();
        await call.Finished.Task.WaitAsync(Patience);

        Assert.Contains("McpPlatform:CodeMode:Timeout", timedOut.Error());
        Assert.True(stillRunning, "The stubborn call should still have been running.");
        Assert.Contains("MaxConcurrentExecutionsPerCaller", whileStraggling.Error());
        await AdmittedAgainAsync(client);
    }

    // The slot comes back as the straggler's audit record is written, just after the tool returns.
    private static async Task AdmittedAgainAsync(ModelContextProtocol.Client.McpClient client)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var result = await client.ExecuteAsync("return 3;");
            if (result.IsError != true)
            {
                Assert.Equal(3, result.Result().GetInt32());
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The slot was never given back: " + result.Error());
            await Task.Delay(50);
        }
    }

    private static Dictionary<string, string?> Budget(int tokens) => new()
    {
        ["McpPlatform:RateLimits:PerCaller:TokenLimit"] = tokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["McpPlatform:RateLimits:PerCaller:TokensPerPeriod"] = "1",
        ["McpPlatform:RateLimits:PerCaller:ReplenishmentPeriod"] = "01:00:00",
    };

    private string SubjectlessToken(RunningServer server, string clientId) => Issuer.MintToken(new TestTokenOptions
    {
        Subject = null,
        Audience = server.McpUri.AbsoluteUri,
        ClientId = clientId,
        Scopes = TestCaller.Default.Scopes,
        Groups = TestCaller.Default.Groups,
    });
}
