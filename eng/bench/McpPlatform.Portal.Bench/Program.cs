using System.Globalization;
using McpPlatform.Portal.Bench;

// The portal's cost, side by side in one run, rounds interleaved so drift hits every side alike:
//  1. tools/call directly to an upstream vs through a portal in front of it (the same upstream, the same tool): the
//     latency the portal adds (one caller at a time, p50/p99) and the throughput ratio (under concurrent load), for a
//     portal with governance off (the proxy alone) and governed (JWT, policy, audit).
//  2. the Code Mode surface of a portal vs the native tools/list of all its upstreams, o200k tokens, for 1, 3 and 10 upstreams.
// Usage: bash eng/bench/portal.sh [--requests N] [--workers N] [--rounds N] [--tokens-only | --latency-only]
var requests = ArgInt("--requests", 2000);
var workers = ArgInt("--workers", 8);
var rounds = ArgInt("--rounds", 6);

if (!args.Contains("--tokens-only"))
{
    await LatencyAsync();
}

if (!args.Contains("--latency-only"))
{
    await SurfaceTokens.RunAsync([1, 3, 10]);
}

return 0;

async Task LatencyAsync()
{
    await using var upstream = await EchoUpstream.StartAsync();
    var upstreamUri = EchoUpstream.McpUri(upstream);
    var settings = new Dictionary<string, string?>
    {
        ["McpPlatform:Portal:Upstreams:echo:Url"] = upstreamUri.AbsoluteUri,
        ["McpPlatform:Portal:Upstreams:echo:AllowedTools:0"] = "*",
    };
    const string PortalTool = "echo_" + EchoUpstream.Tool;
    await using var plainPortal = await BenchPortal.StartAsync(settings, [PortalTool], governed: false);
    await using var governedPortal = await BenchPortal.StartAsync(settings, [PortalTool], governed: true);
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers });

    Side[] sides =
    [
        new("direct to the upstream", new CallLoad(http, upstreamUri, EchoUpstream.Tool, null)),
        new("portal, governance off", new CallLoad(http, plainPortal.McpUri, PortalTool, null)),
        new("portal, JWT+policy+audit", new CallLoad(http, governedPortal.McpUri, PortalTool, governedPortal.Token, () => governedPortal.Audit!.FlushAsync())),
    ];

    Console.WriteLine($"tools/call {EchoUpstream.Tool}: {requests} requests x {rounds} rounds per phase, {Environment.ProcessorCount} cores; all on 127.0.0.1 in one process");
    await WarmUpAsync(sides);
    foreach (var (phase, concurrency) in new[] { ("latency (1 caller)", 1), ($"throughput ({workers} callers)", workers) })
    {
        foreach (var side in sides)
        {
            side.Rounds.Clear();
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var side in round % 2 == 0 ? sides : sides.Reverse())
            {
                side.Rounds.Add(await side.Load.RunAsync(requests, concurrency));
            }
        }

        Console.WriteLine();
        Console.WriteLine(phase);
        Console.WriteLine($"{"side",-28}{"req/s",10}{"p50 ms",10}{"p99 ms",10}{"failures",10}");
        foreach (var side in sides)
        {
            var latencies = side.Rounds.SelectMany(r => r.LatenciesMs).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{side.Name,-28}{side.Throughput,10:F0}{Stats.Percentile(latencies, 0.50),10:F3}{Stats.Percentile(latencies, 0.99),10:F3}{side.Rounds.Sum(r => r.Failures),10}"));
        }

        foreach (var portal in sides.Skip(1))
        {
            // Per round, both sides ran back to back: the median of the per-round differences and ratios is the steady figure.
            var addedP50 = Stats.Median(portal.Rounds.Zip(sides[0].Rounds, (p, d) => Stats.Percentile(p.LatenciesMs, 0.50) - Stats.Percentile(d.LatenciesMs, 0.50)));
            var addedP99 = Stats.Median(portal.Rounds.Zip(sides[0].Rounds, (p, d) => Stats.Percentile(p.LatenciesMs, 0.99) - Stats.Percentile(d.LatenciesMs, 0.99)));
            var ratio = Stats.Median(portal.Rounds.Zip(sides[0].Rounds, (p, d) => p.Throughput / d.Throughput));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{portal.Name}: added p50 {addedP50:F3} ms, added p99 {addedP99:F3} ms, throughput {ratio:F3}x of direct (medians of {rounds} rounds; target added p50 <= 0.5 ms)"));
        }
    }
}

async Task WarmUpAsync(Side[] sides)
{
    // Until tiered compilation settles (bounded): rounds measured while hot methods are recompiled favour whichever side runs later.
    for (var pass = 1; pass <= 20; pass++)
    {
        var before = System.Runtime.JitInfo.GetCompiledMethodCount();
        foreach (var side in sides)
        {
            await side.Load.RunAsync(Math.Max(200, requests / 4), workers);
        }

        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
        if (compiled <= 2 || pass == 20)
        {
            Console.WriteLine($"warm-up: {pass} passes, {compiled} methods compiled in the last one");
            return;
        }
    }
}

int ArgInt(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

internal sealed record Side(string Name, CallLoad Load)
{
    public List<Round> Rounds { get; } = [];

    public double Throughput => Rounds.Sum(r => r.Requests) / Rounds.Sum(r => r.Elapsed.TotalSeconds);
}
