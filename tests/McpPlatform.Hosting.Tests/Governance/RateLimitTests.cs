using System.Net;
using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Authentication;
using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Governance;

/// <summary>The per-caller request budget (HTTP 429) and the per-(caller, tool) call budget (tool error), with real tokens.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(15);

    private TestOidcIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await TestOidcIssuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task Third_call_of_a_tool_over_its_limit_is_refused_and_never_reaches_the_tool()
    {
        await using var server = await StartAsync(new()
        {
            ["McpPlatform:RateLimits:PerTool:TokenLimit"] = "2",
            ["McpPlatform:RateLimits:PerTool:TokensPerPeriod"] = "1",
            ["McpPlatform:RateLimits:PerTool:ReplenishmentPeriod"] = "01:00:00",
        });
        await using var client = await server.ConnectClientAsync(GovernedPolicy.Reader);

        var first = await client.CallAsync("count_call");
        var second = await client.CallAsync("count_call");
        var third = await client.CallAsync("count_call");
        var otherTool = await client.CallAsync("echo", """{"text":"still fine"}""");

        Assert.Equal(["1", "2"], [first.SingleText(), second.SingleText()]);
        Assert.True(third.IsError);
        Assert.StartsWith("Rate limited: too many calls of 'count_call'.", third.SingleText());
        Assert.Contains("Retry after", third.SingleText());
        Assert.Equal(2, server.Services.GetRequiredService<ToolInvocations>().Count("count_call"));
        Assert.Equal("still fine", otherTool.SingleText());
    }

    [Fact]
    public async Task Caller_over_its_request_budget_gets_429_with_retry_after_and_others_do_not()
    {
        await using var server = await StartAsync(new()
        {
            ["McpPlatform:RateLimits:PerCaller:TokenLimit"] = "2",
            ["McpPlatform:RateLimits:PerCaller:TokensPerPeriod"] = "1",
            ["McpPlatform:RateLimits:PerCaller:ReplenishmentPeriod"] = "01:00:00",
        });
        var token = server.MintToken(GovernedPolicy.Reader);

        using var first = await BearerChallenges.SendInitializeAsync(server.McpUri, token);
        using var second = await BearerChallenges.SendInitializeAsync(server.McpUri, token);
        using var third = await BearerChallenges.SendInitializeAsync(server.McpUri, token);
        using var otherCaller = await BearerChallenges.SendInitializeAsync(server.McpUri, server.MintToken(GovernedPolicy.Auditor));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], [first.StatusCode, second.StatusCode]);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var retryAfter = third.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter > TimeSpan.Zero, $"Retry-After: {retryAfter}");
        var body = JsonNode.Parse(await third.Content.ReadAsStringAsync())!;
        Assert.StartsWith("Rate limited: too many requests from this caller.", (string?)body["error"]!["message"]);
        Assert.Equal(HttpStatusCode.OK, otherCaller.StatusCode);
    }

    [Fact]
    public async Task Caller_budget_recovers_after_replenishment()
    {
        await using var server = await StartAsync(new()
        {
            ["McpPlatform:RateLimits:PerCaller:TokenLimit"] = "1",
            ["McpPlatform:RateLimits:PerCaller:TokensPerPeriod"] = "1",
            ["McpPlatform:RateLimits:PerCaller:ReplenishmentPeriod"] = "00:00:01",
        });
        var token = server.MintToken(GovernedPolicy.Reader);

        var limited = await PollUntilAsync(server, token, HttpStatusCode.TooManyRequests);
        var recovered = await PollUntilAsync(server, token, HttpStatusCode.OK);

        Assert.True(limited, "The one-request budget was never exhausted.");
        Assert.True(recovered, $"The budget did not recover within {RecoveryDeadline.TotalSeconds} s.");
    }

    [Fact]
    public async Task Tool_budget_recovers_after_replenishment()
    {
        await using var server = await StartAsync(new()
        {
            ["McpPlatform:RateLimits:PerTool:TokenLimit"] = "1",
            ["McpPlatform:RateLimits:PerTool:TokensPerPeriod"] = "1",
            ["McpPlatform:RateLimits:PerTool:ReplenishmentPeriod"] = "00:00:01",
        });
        await using var client = await server.ConnectClientAsync(GovernedPolicy.Reader);

        var sawLimit = false;
        var recovered = false;
        var deadline = DateTime.UtcNow + RecoveryDeadline;
        while (DateTime.UtcNow < deadline && !recovered)
        {
            var result = await client.CallAsync("count_call");
            sawLimit |= result.IsError == true;
            recovered = sawLimit && result.IsError != true;
            if (!recovered)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(sawLimit ? 200 : 0));
            }
        }

        Assert.True(sawLimit, "The one-call budget was never exhausted.");
        Assert.True(recovered, $"The tool budget did not recover within {RecoveryDeadline.TotalSeconds} s.");
    }

    private Task<RunningServer> StartAsync(Dictionary<string, string?> limits) =>
        RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = _issuer,
            GrantTestCallerEverything = false,
            Settings = new Dictionary<string, string?>(GovernedPolicy.Settings.Concat(limits)),
        });

    /// <summary>Sends requests until one answers <paramref name="wanted"/> or <see cref="RecoveryDeadline"/> passes.</summary>
    private static async Task<bool> PollUntilAsync(RunningServer server, string token, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + RecoveryDeadline;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await BearerChallenges.SendInitializeAsync(server.McpUri, token);
            if (response.StatusCode == wanted)
            {
                return true;
            }

            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests });
            await Task.Delay(TimeSpan.FromMilliseconds(wanted == HttpStatusCode.OK ? 200 : 0));
        }

        return false;
    }
}
