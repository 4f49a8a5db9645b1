using System.Net;
using McpPlatform.Hosting.Tests.Authentication;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Fleet;

/// <summary>
/// Two replicas of one server in this process, sharing a real redis-server on loopback: a caller's limits hold across
/// both, and an outage refuses writes, lets reads through as configured, and takes readiness down.
/// </summary>
public sealed class SharedLimitTests : FleetTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";

    [Fact]
    public async Task Tool_limit_holds_across_two_replicas_sharing_redis()
    {
        var limit = new Dictionary<string, string?>
        {
            ["McpPlatform:RateLimits:PerTool:TokenLimit"] = "3",
            ["McpPlatform:RateLimits:PerTool:TokensPerPeriod"] = "3",
            ["McpPlatform:RateLimits:PerTool:ReplenishmentPeriod"] = "01:00:00",
        };
        await using var first = await StartAsync(limit, shared: true);
        await using var second = await StartAsync(limit, shared: true);
        await using var onFirst = await first.ConnectClientAsync(GovernedPolicy.Reader);
        await using var onSecond = await second.ConnectClientAsync(GovernedPolicy.Reader);

        var results = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            var result = await (i % 2 == 0 ? onFirst : onSecond).CallAsync("count_call");
            results.Add(result.IsError != true);
        }

        // Three in all, not three per replica.
        Assert.Equal([true, true, true, false, false, false], results);
        var invoked = first.Services.GetRequiredService<ToolInvocations>().Count("count_call")
            + second.Services.GetRequiredService<ToolInvocations>().Count("count_call");
        Assert.Equal(3, invoked);
    }

    [Fact]
    public async Task Without_redis_each_replica_counts_alone()
    {
        var limit = new Dictionary<string, string?>
        {
            ["McpPlatform:RateLimits:PerTool:TokenLimit"] = "3",
            ["McpPlatform:RateLimits:PerTool:TokensPerPeriod"] = "3",
            ["McpPlatform:RateLimits:PerTool:ReplenishmentPeriod"] = "01:00:00",
        };
        await using var first = await StartAsync(limit, shared: false);
        await using var second = await StartAsync(limit, shared: false);
        await using var onFirst = await first.ConnectClientAsync(GovernedPolicy.Reader);
        await using var onSecond = await second.ConnectClientAsync(GovernedPolicy.Reader);

        var allowed = 0;
        for (var i = 0; i < 8; i++)
        {
            allowed += (await (i % 2 == 0 ? onFirst : onSecond).CallAsync("count_call")).IsError == true ? 0 : 1;
        }

        // The in-process default, kept as it was: the configured limit per replica (why a fleet needs Redis).
        Assert.Equal(6, allowed);
    }

    [Fact]
    public async Task Request_budget_holds_across_replicas_and_answers_429()
    {
        var budget = new Dictionary<string, string?>
        {
            ["McpPlatform:RateLimits:PerCaller:TokenLimit"] = "2",
            ["McpPlatform:RateLimits:PerCaller:TokensPerPeriod"] = "2",
            ["McpPlatform:RateLimits:PerCaller:ReplenishmentPeriod"] = "01:00:00",
        };
        await using var first = await StartAsync(budget, shared: true);
        await using var second = await StartAsync(budget, shared: true);

        using var one = await BearerChallenges.SendInitializeAsync(first.McpUri, first.MintToken(GovernedPolicy.Reader));
        using var two = await BearerChallenges.SendInitializeAsync(second.McpUri, second.MintToken(GovernedPolicy.Reader));
        using var three = await BearerChallenges.SendInitializeAsync(first.McpUri, first.MintToken(GovernedPolicy.Reader));
        using var otherCaller = await BearerChallenges.SendInitializeAsync(second.McpUri, second.MintToken(GovernedPolicy.Auditor));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], [one.StatusCode, two.StatusCode, three.StatusCode]);
        Assert.NotNull(three.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, otherCaller.StatusCode);
    }

    [Fact]
    public async Task Concurrent_call_cap_holds_across_replicas()
    {
        await using var held = await HeldResponseServer.StartAsync();
        var cap = new Dictionary<string, string?> { ["McpPlatform:RateLimits:ConcurrentCallsPerCaller"] = "1" };
        await using var first = await StartAsync(cap, shared: true);
        await using var second = await StartAsync(cap, shared: true);
        await using var onFirst = await first.ConnectClientAsync(GovernedPolicy.Reader);
        await using var onSecond = await second.ConnectClientAsync(GovernedPolicy.Reader);

        var running = onFirst.CallAsync("fetch_url", $$"""{"url":"{{held.HoldUri.AbsoluteUri}}"}""");
        await held.Reached(1).WaitAsync(Patience);
        var refused = await onSecond.CallAsync("echo", """{"text":"second replica"}""");
        held.Release();

        Assert.True(refused.IsError);
        Assert.Contains("too many tool calls running at once for this caller", refused.SingleText());
        Assert.NotEqual(true, (await running.WaitAsync(Patience)).IsError);
        var afterwards = await PollAsync(() => onSecond.CallAsync("echo", """{"text":"slot given back"}"""), r => r.IsError != true);
        Assert.Equal("slot given back", afterwards.SingleText());
    }

    [Fact]
    public async Task Code_mode_execution_cap_holds_across_replicas()
    {
        await using var held = await HeldResponseServer.StartAsync();
        var cap = new Dictionary<string, string?> { ["McpPlatform:CodeMode:MaxConcurrentExecutionsPerCaller"] = "1" };
        await using var first = await StartAsync(cap, shared: true);
        await using var second = await StartAsync(cap, shared: true);
        await using var onFirst = await first.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);
        await using var onSecond = await second.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);

        var running = onFirst.ExecuteAsync($"return await codemode.fetch_url({{ url: '{held.HoldUri.AbsoluteUri}' }});");
        await held.Reached(1).WaitAsync(Patience);
        var refused = await onSecond.ExecuteAsync("return 1;");
        held.Release();

        Assert.Contains("MaxConcurrentExecutionsPerCaller", refused.Error());
        Assert.Equal("released", (await running.WaitAsync(Patience)).Result().GetString());
        var afterwards = await PollAsync(() => onSecond.ExecuteAsync("return 3;"), r => r.IsError != true);
        Assert.Equal(3, afterwards.Result().GetInt32());
    }

    [Fact]
    public async Task Redis_outage_refuses_writes_allows_reads_and_fails_readiness_until_it_is_back()
    {
        await using var server = await StartAsync(new Dictionary<string, string?>(), shared: true);
        await using var client = await server.ConnectClientAsync(GovernedPolicy.SupportWriter);
        using var http = server.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);

        await Redis.StopAsync();
        var write = await client.CallAsync("open_ticket", """{"ticket":{"title":"disk full","priority":"High"}}""");
        var read = await client.CallAsync("get_ticket", """{"key":"T-1"}""");
        using var notReady = await http.GetAsync("/healthz/ready");

        Assert.True(write.IsError);
        Assert.Contains("shared limit store (McpPlatform:Redis) is unavailable", write.SingleText());
        Assert.NotEqual(true, read.IsError);
        Assert.Contains("Printer on fire", read.SingleText());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("Redis is unreachable", await notReady.Content.ReadAsStringAsync());
        Assert.DoesNotContain(Redis.Configuration, await notReady.Content.ReadAsStringAsync());

        await Redis.StartAgainAsync();
        var writeAgain = await PollAsync(() => client.CallAsync("open_ticket", """{"ticket":{"title":"disk full","priority":"High"}}"""), r => r.IsError != true);
        Assert.Contains("T-100", writeAgain.SingleText());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);
    }

    [Fact]
    public async Task Redis_outage_refuses_reads_too_when_configured()
    {
        await using var server = await StartAsync(new() { ["McpPlatform:Redis:ReadsWhenUnavailable"] = "Refuse" }, shared: true);
        await using var client = await server.ConnectClientAsync(GovernedPolicy.Reader);
        var token = server.MintToken(GovernedPolicy.Reader);

        await Redis.StopAsync();
        using var request = await BearerChallenges.SendInitializeAsync(server.McpUri, token);

        // The request budget cannot be asked: the server's trouble, answered 503 (not the caller's 429).
        Assert.Equal(HttpStatusCode.ServiceUnavailable, request.StatusCode);
        Assert.Contains("shared limit store (McpPlatform:Redis) is unavailable", await request.Content.ReadAsStringAsync());
    }

    private async Task<T> PollAsync<T>(Func<Task<T>> attempt, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var result = await attempt();
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(200);
        }
    }

    private Task<RunningServer> StartAsync(Dictionary<string, string?> settings, bool shared)
    {
        var all = new Dictionary<string, string?>(GovernedPolicy.Settings.Concat(settings));
        if (shared)
        {
            all["McpPlatform:Redis:Configuration"] = Redis.Configuration;
            all["McpPlatform:Redis:KeyPrefix"] = _prefix; // one per test: its replicas share it, other tests do not
        }

        return RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = Issuer,
            GrantTestCallerEverything = false,
            Settings = all,
        });
    }
}
