using System.Globalization;
using McpPlatform.Portal.Fleet;
using McpPlatform.Portal.Tests.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Portal.Tests.Fleet;

/// <summary>
/// An upstream's <c>CallsPerMinute</c> with two portal replicas sharing a real redis-server: the budget holds for the
/// fleet (within 10%), not once per replica; while Redis is down a read runs under the replica's own window.
/// </summary>
public sealed class SharedUpstreamBudgetTests(PortalFleetFixture fleet) : IClassFixture<PortalFleetFixture>
{
    private const int Budget = 20;

    private static readonly Dictionary<string, string?> Limited = new()
    {
        ["McpPlatform:Portal:Upstreams:lab:CallsPerMinute"] = Budget.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task An_upstreams_calls_per_minute_hold_across_two_replicas()
    {
        await using var a = await fleet.StartReplicaAsync("portal-a", fleet.LabA, "budget", extra: Limited);
        await using var b = await fleet.StartReplicaAsync("portal-b", fleet.LabA, "budget", extra: Limited);
        await WaitVerifiedAsync(a, b);
        await using var onA = await a.ConnectAsync(PortalCaller.Analyst);
        await using var onB = await b.ConnectAsync(PortalCaller.Analyst);

        var allowed = new int[2];
        string? refusal = null;
        for (var i = 0; i < Budget * 2; i++)
        {
            var result = await (i % 2 == 0 ? onA : onB).CallToolAsync("lab_lookup", new Dictionary<string, object?> { ["query"] = $"q{i}" });
            if (result.IsError == true)
            {
                refusal ??= Results.Text(result);
            }
            else
            {
                allowed[i % 2]++;
            }
        }

        // Budget calls for the fleet (each replica alone would have allowed all 20 of its own).
        Assert.InRange(allowed[0] + allowed[1], Budget * 9 / 10, Budget * 11 / 10);
        Assert.True(allowed[0] > 0 && allowed[1] > 0, $"replica A allowed {allowed[0]}, replica B {allowed[1]}");
        Assert.NotNull(refusal);
        Assert.Contains("too many calls to upstream 'lab' (McpPlatform:Portal:Upstreams:lab:CallsPerMinute)", refusal);
    }

    [Fact]
    public async Task While_Redis_is_down_a_read_runs_under_the_replicas_own_window()
    {
        await using var a = await fleet.StartReplicaAsync("portal-a", fleet.LabA, "budget-outage", extra: Limited);
        await WaitVerifiedAsync(a);
        await using var client = await a.ConnectAsync(PortalCaller.Analyst);
        for (var i = 0; i < Budget; i++)
        {
            Assert.NotEqual(true, (await client.CallToolAsync("lab_lookup", new Dictionary<string, object?> { ["query"] = "x" })).IsError);
        }

        var over = await client.CallToolAsync("lab_lookup", new Dictionary<string, object?> { ["query"] = "x" });
        Assert.True(over.IsError);

        await fleet.Redis.StopAsync();
        try
        {
            // The shared window is full, this replica's own one is untouched: ReadsWhenUnavailable Allow lets the read run.
            var read = await client.CallToolAsync("lab_lookup", new Dictionary<string, object?> { ["query"] = "x" });
            Assert.Equal("lab found 'x'", Results.Text(read));
        }
        finally
        {
            await fleet.Redis.StartAgainAsync();
        }
    }

    private static Task WaitVerifiedAsync(params PortalHost[] replicas) =>
        PortalHost.Eventually(
            () => replicas.All(replica => replica.Quarantine.ReasonFor("lab_lookup") is null
                && replica.Services.GetRequiredService<FleetQuarantine>().IsFresh),
            "every replica verified its upstream's tools and read the fleet's state",
            seconds: 30);
}
