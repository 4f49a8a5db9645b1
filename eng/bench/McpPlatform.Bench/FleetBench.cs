using System.Diagnostics;
using System.Globalization;
using McpPlatform.Governance.RateLimiting;
using StackExchange.Redis;

namespace McpPlatform.Bench;

/// <summary>
/// --fleet: one replica with the caller limits in process against the same replica with them shared through a real
/// redis-server on loopback (the request budget and the tool bucket from leases of up to 16 tokens, the concurrency slot
/// from those the replica kept from earlier calls: most calls need no awaited round trip). Prints
/// throughput, p50 and the ratio (target >= 0.85x), the p50 added per call, and a bare Redis script round trip's p50 for scale.
/// </summary>
public static class FleetBench
{
    public static async Task<int> RunAsync(int requests, int workers, int rounds)
    {
        using var redis = await BenchRedis.StartAsync();
        var keyFile = Path.Combine(Path.GetTempPath(), $"mcp-bench-issuer-{Guid.NewGuid():N}.json");
        await using var local = await BenchServers.StartLimitedAsync(keyFile, redis: null);
        await using var shared = await BenchServers.StartLimitedAsync(keyFile, redis.Configuration);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers });
        var localUri = BenchServers.McpUri(local);
        var sharedUri = BenchServers.McpUri(shared);
        var sides = new (string Name, LoadRunner Runner, List<RoundResult> Results)[]
        {
            ("limits in process", new LoadRunner(http, localUri, BenchServers.Token(keyFile, localUri)), []),
            ("limits on Redis", new LoadRunner(http, sharedUri, BenchServers.Token(keyFile, sharedUri)), []),
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fleet: tools/call get_issue, auth+policy+limits, {requests} requests x {rounds} rounds, {workers} workers, {Environment.ProcessorCount} cores"));
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var side in sides)
            {
                await side.Runner.RunAsync(Math.Max(200, requests / 4), workers);
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var side in round % 2 == 0 ? sides : sides.Reverse())
            {
                side.Results.Add(await side.Runner.RunAsync(requests, workers));
            }
        }

        File.Delete(keyFile);
        var sharedRequests = sides[1].Results.Sum(r => r.Requests) + 3 * Math.Max(200, requests / 4);
        await PrintCommandsPerCallAsync(redis.Configuration, sharedRequests);
        var roundTrip = await ScriptRoundTripP50Async(redis.Configuration);
        var alone = new List<(double P50Ms, double CpuMicroseconds)>[] { [], [] };
        var servers = new[] { local, shared };
        for (var round = 0; round < 3; round++)
        {
            for (var side = 0; side < 2; side++)
            {
                alone[side].Add(await FleetLimitsAlone.MeasureAsync(servers[side].Services.GetRequiredService<CallerRateLimits>(), 5000, workers));
            }
        }

        ReportAlone(alone);
        return Report(sides, roundTrip);
    }

    // Synchronous: the interpolated lines may not span an await.
    private static int Report((string Name, LoadRunner Runner, List<RoundResult> Results)[] sides, double roundTrip)
    {
        Console.WriteLine($"{"side",-22}{"req/s",10}{"p50 ms",10}{"p99 ms",10}{"CPU us/req",12}{"failures",10}");
        var summaries = sides.Select(side => (side.Name, Summary: Summarize(side.Results))).ToArray();
        foreach (var (name, s) in summaries)
        {
            Console.WriteLine($"{name,-22}{s.Throughput,10:F0}{s.P50,10:F3}{s.P99,10:F3}{s.Cpu,12:F1}{s.Failures,10}");
        }

        var perRound = sides[1].Results.Zip(sides[0].Results, (a, b) => a.Throughput / b.Throughput).Order().ToArray();
        var p50PerRound = sides[1].Results.Zip(sides[0].Results, (a, b) => a.Percentile(0.5) - b.Percentile(0.5)).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio limits on Redis / in process: throughput {summaries[1].Summary.Throughput / summaries[0].Summary.Throughput:F3}x overall, " +
            $"{perRound[perRound.Length / 2]:F3}x median of {perRound.Length} rounds (range {perRound[0]:F3}-{perRound[^1]:F3}) (target >= 0.85x)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"added p50 per call with limits on Redis: {summaries[1].Summary.P50 - summaries[0].Summary.P50:F3} ms overall, {p50PerRound[p50PerRound.Length / 2]:F3} ms median of rounds"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one bare Redis script round trip (EVALSHA of an INCR, one client, sequential): p50 {roundTrip:F3} ms"));
        return summaries.Sum(s => s.Summary.Failures) == 0 ? 0 : 1;
    }

    private static void ReportAlone(List<(double P50Ms, double CpuMicroseconds)>[] alone)
    {
        static double Median(IEnumerable<double> values) => values.Order().ElementAt(1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"limit steps alone (request budget + tool bucket + slot, no HTTP, {alone[0].Count} rounds of 5000, median): " +
            $"in process p50 {Median(alone[0].Select(a => a.P50Ms)):F3} ms, {Median(alone[0].Select(a => a.CpuMicroseconds)):F1} CPU us/call; " +
            $"on Redis p50 {Median(alone[1].Select(a => a.P50Ms)):F3} ms, {Median(alone[1].Select(a => a.CpuMicroseconds)):F1} CPU us/call"));
    }

    // What Redis itself counted while the Redis side ran (before the bare round-trip probe): commands per tools/call.
    private static async Task PrintCommandsPerCallAsync(string configuration, int calls)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(configuration + ",allowAdmin=true");
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var stats = (await server.InfoAsync("commandstats")).SelectMany(group => group)
            .Where(stat => stat.Key is "cmdstat_evalsha" or "cmdstat_eval" or "cmdstat_zrem" or "cmdstat_script|load" or "cmdstat_script")
            .Select(stat => (Name: stat.Key["cmdstat_".Length..], Calls: long.Parse(stat.Value.Split(',')[0]["calls=".Length..], CultureInfo.InvariantCulture)))
            .ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Redis commands per tools/call on the Redis side ({calls} calls): {string.Join(", ", stats.Select(s => $"{s.Name} {(double)s.Calls / calls:F3}"))}"));
    }

    private static async Task<double> ScriptRoundTripP50Async(string configuration)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        var database = connection.GetDatabase();
        var samples = new double[5000];
        for (var i = -500; i < samples.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await database.ScriptEvaluateAsync("return redis.call('INCR', KEYS[1])", ["bench-roundtrip"]);
            if (i >= 0)
            {
                samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        Array.Sort(samples);
        return samples[samples.Length / 2];
    }

    private static (double Throughput, double P50, double P99, double Cpu, int Failures) Summarize(List<RoundResult> results)
    {
        var all = new RoundResult(
            results.Sum(r => r.Requests), results.Sum(r => r.Failures), TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks)),
            results.SelectMany(r => r.LatenciesMs).ToArray(), TimeSpan.FromTicks(results.Sum(r => r.CpuTime.Ticks)),
            results.Sum(r => r.AllocatedBytes), results.Sum(r => r.Gen1Collections));
        return (all.Throughput, all.Percentile(0.50), all.Percentile(0.99), all.CpuMicrosecondsPerRequest, all.Failures);
    }
}
