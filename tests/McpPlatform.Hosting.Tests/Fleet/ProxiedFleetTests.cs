using System.Globalization;
using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Fleet;

/// <summary>
/// Two replicas sharing a real redis-server behind a real nginx (round-robin, one public URI), called by the official
/// TypeScript client on the stateless revision: every call is served by whichever replica nginx picks, and the
/// caller's tool limit holds for the fleet, not per replica.
/// </summary>
public sealed class ProxiedFleetTests : FleetTestBase
{
    private const int Limit = 30;
    private const int Calls = 60;
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(120);


    [Fact]
    public async Task A_callers_limit_holds_across_replicas_behind_nginx_and_any_replica_serves_any_call()
    {
        var proxyPort = NginxProxy.ReservePort();
        var resource = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{proxyPort}/mcp");
        var prefix = $"test-{Guid.NewGuid():N}:";
        await using var first = await StartReplicaAsync(resource, prefix);
        await using var second = await StartReplicaAsync(resource, prefix);
        await using var proxy = await NginxProxy.StartAsync(proxyPort, [first.McpUri.Port, second.McpUri.Port]);

        var run = await ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [Path.Combine(AppContext.BaseDirectory, "node", "fleet-client.mjs"), resource, "count_call", Calls.ToString(CultureInfo.InvariantCulture)],
            AppContext.BaseDirectory,
            new Dictionary<string, string?>
            {
                ["MCP_SDK_DIR"] = Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "sdk"),
                ["NODE_PATH"] = RepositoryLayout.NodeModules,
                ["MCP_TOKEN"] = first.MintToken(GovernedPolicy.Reader, audience: resource),
            },
            ClientTimeout);

        run.EnsureSuccess();
        var seen = JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
        var ok = (int)seen["ok"]!;
        var onFirst = first.Services.GetRequiredService<ToolInvocations>().Count("count_call");
        var onSecond = second.Services.GetRequiredService<ToolInvocations>().Count("count_call");
        Assert.Empty(seen["other"]!.AsArray());
        Assert.Null((string?)seen["sessionId"]); // the stateless revision: nothing ties the client to a replica
        Assert.InRange(ok, Limit * 9 / 10, Limit * 11 / 10); // within 10% of the limit for the whole fleet (in-process: 2 x 30)
        Assert.Equal(Calls - ok, (int)seen["limited"]!);
        Assert.True(onFirst > 0 && onSecond > 0, $"nginx sent calls to both replicas: {onFirst} and {onSecond}");
        Assert.Equal(ok, onFirst + onSecond);
    }

    private Task<RunningServer> StartReplicaAsync(string resource, string prefix) =>
        RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = Issuer,
            GrantTestCallerEverything = false,
            Settings = new Dictionary<string, string?>(GovernedPolicy.Settings)
            {
                ["McpPlatform:Authentication:Resource"] = resource, // the fleet's one public URI (the proxy's)
                ["McpPlatform:Redis:Configuration"] = Redis.Configuration,
                ["McpPlatform:Redis:KeyPrefix"] = prefix,
                ["McpPlatform:RateLimits:PerTool:TokenLimit"] = Limit.ToString(CultureInfo.InvariantCulture),
                ["McpPlatform:RateLimits:PerTool:TokensPerPeriod"] = Limit.ToString(CultureInfo.InvariantCulture),
                ["McpPlatform:RateLimits:PerTool:ReplenishmentPeriod"] = "01:00:00",
            },
        });
}
