using System.Globalization;
using McpPlatform.Bench;

// tools/call throughput and latency: McpPlatform's generated tools vs the plain SDK's reflection
// tools, same tools, same machine, one run, rounds interleaved so drift hits both sides alike.
var requests = ArgInt("--requests", 2000);
var workers = ArgInt("--workers", 8);
var rounds = ArgInt("--rounds", 10);

await using var governed = await BenchServers.StartGovernedAsync();
await using var plain = await BenchServers.StartPlainAsync();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers });
var sides = new (string Name, LoadRunner Runner, List<RoundResult> Results)[]
{
    ("McpPlatform (generated)", new LoadRunner(http, BenchServers.McpUri(governed)), []),
    ("Plain SDK (reflection)", new LoadRunner(http, BenchServers.McpUri(plain)), []),
};

Console.WriteLine($"tools/call get_issue: {requests} requests x {rounds} rounds, {workers} workers, {Environment.ProcessorCount} cores");
foreach (var side in sides)
{
    await side.Runner.RunAsync(Math.Max(200, requests / 4), workers); // warm-up: JIT, connections
}

for (var round = 0; round < rounds; round++)
{
    foreach (var side in round % 2 == 0 ? sides : sides.Reverse())
    {
        side.Results.Add(await side.Runner.RunAsync(requests, workers));
    }
}

Console.WriteLine($"{"server",-26}{"req/s",10}{"p50 ms",10}{"p99 ms",10}{"failures",10}");
var summaries = sides.Select(side => Summarize(side.Name, side.Results)).ToArray();
foreach (var s in summaries)
{
    Console.WriteLine($"{s.Name,-26}{s.Throughput,10:F0}{s.P50,10:F3}{s.P99,10:F3}{s.Failures,10}");
}

var (mine, sdk) = (summaries[0], summaries[1]);
// Load generator and both servers share two cores, so one round can swing +-10%; the median
// of the per-round ratios (each round runs both sides back to back) is the steadier figure.
var roundRatios = sides[0].Results.Zip(sides[1].Results, (a, b) => a.Throughput / b.Throughput).Order().ToArray();
var medianRatio = roundRatios[roundRatios.Length / 2];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratio McpPlatform/plain: throughput {mine.Throughput / sdk.Throughput:F3}x overall, {medianRatio:F3}x median of {rounds} paired rounds " +
    $"(range {roundRatios[0]:F3}-{roundRatios[^1]:F3}), p50 {mine.P50 / sdk.P50:F3}x, p99 {mine.P99 / sdk.P99:F3}x (target throughput >= 0.95x)"));
return mine.Failures + sdk.Failures == 0 ? 0 : 1;

static Summary Summarize(string name, List<RoundResult> results)
{
    var all = new RoundResult(
        results.Sum(r => r.Requests),
        results.Sum(r => r.Failures),
        TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks)),
        results.SelectMany(r => r.LatenciesMs).ToArray());
    return new Summary(name, all.Throughput, all.Percentile(0.50), all.Percentile(0.99), all.Failures);
}

int ArgInt(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

internal sealed record Summary(string Name, double Throughput, double P50, double P99, int Failures);
