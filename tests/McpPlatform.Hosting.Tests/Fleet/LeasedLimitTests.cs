using System.Globalization;
using System.Threading.RateLimiting;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace McpPlatform.Hosting.Tests.Fleet;

/// <summary>
/// The tool-bucket leases and kept concurrency slots of a replica on a real redis-server: most calls need no round trip,
/// yet the fleet never admits more than a limit, and an outage still refuses writes at once.
/// </summary>
public sealed class LeasedLimitTests : FleetTestBase
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";

    [Fact]
    public async Task Steady_calls_of_one_caller_mostly_need_no_redis_round_trip()
    {
        await using var server = await StartAsync(new Dictionary<string, string?>());
        var limits = server.Services.GetRequiredService<CallerRateLimits>();
        var before = await ScriptCallsAsync();

        const int Calls = 200;
        for (var i = 0; i < Calls; i++)
        {
            var (tool, slot) = await limits.AcquireToolCallAndSlotAsync("caller-a", "get_ticket", isRead: false);
            Assert.True(tool.IsAcquired);
            Assert.True(slot!.IsAcquired);
            slot.Dispose();
        }

        // Without leases every call is one script; with them a 16-token lease and a kept slot serve the next calls.
        var scripts = await ScriptCallsAsync() - before;
        Assert.InRange(scripts, 1, Calls / 4);
    }

    [Fact]
    public async Task Kept_slots_never_let_the_fleet_hold_more_than_the_cap()
    {
        var cap = new Dictionary<string, string?> { ["McpPlatform:RateLimits:ConcurrentCallsPerCaller"] = "3" };
        await using var first = await StartAsync(cap);
        await using var second = await StartAsync(cap);
        var onFirst = first.Services.GetRequiredService<CallerRateLimits>();
        var onSecond = second.Services.GetRequiredService<CallerRateLimits>();

        // The first replica runs three calls at once and ends them: it keeps their slots for its next calls.
        var ended = new List<RateLimitLease>();
        for (var i = 0; i < 3; i++)
        {
            ended.Add(await onFirst.AcquireConcurrentCallAsync("caller-b", isRead: true));
        }

        Assert.All(ended, lease => Assert.True(lease.IsAcquired));
        ended.ForEach(lease => lease.Dispose());

        // Both replicas now take slots in turn and hold them: kept or given back meanwhile, three in all, never more.
        var held = new List<RateLimitLease>();
        for (var i = 0; i < 10; i++)
        {
            held.Add(await (i % 2 == 0 ? onFirst : onSecond).AcquireConcurrentCallAsync("caller-b", isRead: true));
        }

        Assert.Equal(3, held.Count(lease => lease.IsAcquired));
        held.ForEach(lease => lease.Dispose());
    }

    [Fact]
    public async Task A_slot_kept_by_an_idle_replica_is_given_back_to_the_other()
    {
        var cap = new Dictionary<string, string?> { ["McpPlatform:RateLimits:ConcurrentCallsPerCaller"] = "1" };
        await using var first = await StartAsync(cap);
        await using var second = await StartAsync(cap);
        var onFirst = first.Services.GetRequiredService<CallerRateLimits>();
        var onSecond = second.Services.GetRequiredService<CallerRateLimits>();

        (await onFirst.AcquireConcurrentCallAsync("caller-c", isRead: true)).Dispose();

        // The caller's calls now go to the second replica: the first gives the slot back once no call reuses it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        RateLimitLease lease;
        while (!(lease = await onSecond.AcquireConcurrentCallAsync("caller-c", isRead: true)).IsAcquired && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(lease.IsAcquired);
        lease.Dispose();
    }

    [Fact]
    public async Task Redis_outage_refuses_writes_although_a_lease_and_a_kept_slot_remain()
    {
        await using var server = await StartAsync(new Dictionary<string, string?>());
        var limits = server.Services.GetRequiredService<CallerRateLimits>();
        var store = server.Services.GetRequiredService<ISharedLimitStore>();
        var (tool, slot) = await limits.AcquireToolCallAndSlotAsync("caller-d", "open_ticket", isRead: false);
        Assert.True(tool.IsAcquired);
        slot!.Dispose(); // kept, with 15 leased tokens of the tool bucket

        await Redis.StopAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (store.IsConnected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var (write, writeSlot) = await limits.AcquireToolCallAndSlotAsync("caller-d", "open_ticket", isRead: false);
        var (read, readSlot) = await limits.AcquireToolCallAndSlotAsync("caller-d", "get_ticket", isRead: true);

        Assert.False(write.IsAcquired);
        Assert.True(CallerRateLimits.IsUnavailable(write));
        Assert.Null(writeSlot);
        Assert.True(read.IsAcquired); // ReadsWhenUnavailable=Allow: this replica's own limiters
        Assert.True(readSlot!.IsAcquired);
    }

    [Fact]
    public async Task Leased_tool_tokens_keep_the_limit_across_three_replicas()
    {
        var limit = new Dictionary<string, string?>
        {
            ["McpPlatform:RateLimits:PerTool:TokenLimit"] = "100",
            ["McpPlatform:RateLimits:PerTool:TokensPerPeriod"] = "100",
            ["McpPlatform:RateLimits:PerTool:ReplenishmentPeriod"] = "01:00:00",
        };
        await using var first = await StartAsync(limit);
        await using var second = await StartAsync(limit);
        await using var third = await StartAsync(limit);
        var replicas = new[] { first, second, third }.Select(s => s.Services.GetRequiredService<CallerRateLimits>()).ToArray();

        var admitted = 0;
        for (var i = 0; i < 300; i++)
        {
            var (tool, slot) = await replicas[i % 3].AcquireToolCallAndSlotAsync("caller-e", "get_ticket", isRead: true);
            admitted += tool.IsAcquired ? 1 : 0;
            slot?.Dispose();
        }

        // Never more than the limit; tokens leased but unspent on the other replicas cost at most a few.
        Assert.InRange(admitted, 90, 100);
    }

    private async Task<long> ScriptCallsAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.Configuration + ",allowAdmin=true");
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var stats = (await server.InfoAsync("commandstats")).SelectMany(group => group);
        return stats.Where(stat => stat.Key is "cmdstat_evalsha" or "cmdstat_eval")
            .Sum(stat => long.Parse(stat.Value.Split(',')[0]["calls=".Length..], CultureInfo.InvariantCulture));
    }

    private Task<RunningServer> StartAsync(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(GovernedPolicy.Settings.Concat(settings))
        {
            ["McpPlatform:Redis:Configuration"] = Redis.Configuration,
            ["McpPlatform:Redis:KeyPrefix"] = _prefix,
        };
        return RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = Issuer,
            GrantTestCallerEverything = false,
            Settings = all,
        });
    }
}
