using System.Globalization;
using McpPlatform.Bench;

// tools/call throughput and latency, side by side in one run, rounds interleaved so drift hits
// every side alike: the plain SDK (reflection); McpPlatform's generated tools with governance
// off; with JWT validation + policy; and with audit log + data-loss rules on top.
// --ablation: auth+policy against + audit only, + DLP only and + both, to see which costs what.
// --micro: the audit writer's and the data-loss scans' cost per operation, without HTTP.
// --fleet: one replica with the caller limits in process vs shared through a real redis-server (FleetBench).
// --micro-dlp: the data-loss scans alone on typical results (prose, non-ASCII, JSON), without HTTP.
if (args.Contains("--micro-dlp"))
{
    DlpMicroBench.Run(ArgInt("--operations", 20_000));
    return 0;
}

if (args.Contains("--fleet"))
{
    return await FleetBench.RunAsync(ArgInt("--requests", 3000), ArgInt("--workers", 8), ArgInt("--rounds", 6));
}

if (args.Contains("--micro"))
{
    await AuditMicroBench.RunAsync(ArgInt("--operations", 50_000));
    return 0;
}

var requests = ArgInt("--requests", 6000); // long rounds: short ones swing with GC pauses and thread-pool hiccups
var workers = ArgInt("--workers", 8);
var rounds = ArgInt("--rounds", 10);

var keyFile = Path.Combine(Path.GetTempPath(), $"mcp-bench-issuer-{Guid.NewGuid():N}.json");
var auditFolder = Path.Combine(Path.GetTempPath(), $"mcp-bench-audit-{Guid.NewGuid():N}");
await using var plain = await BenchServers.StartPlainAsync();
await using var governedOff = await BenchServers.StartGovernedAsync(keyFile: null);
await using var authOn = await BenchServers.StartGovernedAsync(keyFile);
await using var fullyGoverned = await BenchServers.StartGovernedAsync(keyFile, auditFolder);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers });
var authUri = BenchServers.McpUri(authOn);
var fullUri = BenchServers.McpUri(fullyGoverned);
var ablation = args.Contains("--ablation");
await using var auditOnly = ablation ? await BenchServers.StartGovernedAsync(keyFile, auditFolder + "-only", dlp: false) : null;
await using var dlpOnly = ablation ? await BenchServers.StartGovernedAsync(keyFile, auditFolder: null, dlp: true) : null;
var sides = ablation ? AblationSides() : new Side[]
{
    new("Plain SDK (reflection)", new LoadRunner(http, BenchServers.McpUri(plain))),
    new("McpPlatform, governance off", new LoadRunner(http, BenchServers.McpUri(governedOff))),
    new("McpPlatform, auth+policy", new LoadRunner(http, authUri, BenchServers.Token(keyFile, authUri))),
    new("  + audit + DLP", new LoadRunner(http, fullUri, BenchServers.Token(keyFile, fullUri), () => fullyGoverned.Services.GetRequiredService<McpPlatform.Governance.Audit.AuditLog>().FlushAsync())),
};

// --only N[,N...]: run just those sides (0-based), e.g. to attach a profiler to one of them; ratios need both sides.
if (ArgList("--only") is { } only)
{
    sides = [.. only.Select(index => sides[index])];
}

Side[] AblationSides()
{
    var auditOnlyUri = BenchServers.McpUri(auditOnly!);
    var dlpOnlyUri = BenchServers.McpUri(dlpOnly!);
    return
    [
        new("auth+policy", new LoadRunner(http, authUri, BenchServers.Token(keyFile, authUri))),
        new("  + audit only", new LoadRunner(http, auditOnlyUri, BenchServers.Token(keyFile, auditOnlyUri), () => auditOnly!.Services.GetRequiredService<McpPlatform.Governance.Audit.AuditLog>().FlushAsync())),
        new("  + DLP only", new LoadRunner(http, dlpOnlyUri, BenchServers.Token(keyFile, dlpOnlyUri))),
        new("  + audit + DLP", new LoadRunner(http, fullUri, BenchServers.Token(keyFile, fullUri), () => fullyGoverned.Services.GetRequiredService<McpPlatform.Governance.Audit.AuditLog>().FlushAsync())),
    ];
}

Console.WriteLine($"tools/call get_issue: {requests} requests x {rounds} rounds, {workers} workers, {Environment.ProcessorCount} cores");
// Warm-up until tiered compilation has settled: rounds measured while methods are still being
// recompiled (tier 0 -> instrumented -> tier 1 with PGO) swing by +-30% and favour whichever side
// happens to run after the recompilation. Bounded: at most MaxWarmUpPasses passes.
const int MaxWarmUpPasses = 30;
for (var pass = 1; ; pass++)
{
    var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
    foreach (var side in sides)
    {
        await side.Runner.RunAsync(Math.Max(200, requests / 4), workers); // JIT, connections, keys
    }

    var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
    if (compiled <= 2 || pass == MaxWarmUpPasses)
    {
        Console.WriteLine($"warm-up: {pass} passes, {compiled} methods compiled in the last one");
        break;
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
await fullyGoverned.StopAsync();
var auditBytes = Directory.EnumerateFiles(auditFolder).Sum(f => new FileInfo(f).Length);
Directory.Delete(auditFolder, recursive: true);
if (auditOnly is not null)
{
    await auditOnly.StopAsync();
    Directory.Delete(auditFolder + "-only", recursive: true);
}

Console.WriteLine($"{"server",-28}{"req/s",10}{"p50 ms",10}{"p99 ms",10}{"CPU us/req",12}{"KB/req",8}{"gen1/10k",10}{"failures",10}");
foreach (var side in sides)
{
    var s = side.Summary;
    Console.WriteLine($"{side.Name,-28}{s.Throughput,10:F0}{s.P50,10:F3}{s.P99,10:F3}{s.CpuPerRequest,12:F1}{s.AllocatedPerRequest / 1024,8:F1}{s.Gen1Per10k,10:F1}{s.Failures,10}");
}

// Load generator and servers share two cores, so one round can swing +-10%; the median of
// the per-round ratios (each round runs every side back to back) is the steadier figure.
if (sides.Length < 4)
{
    // a subset: no ratios
}
else if (ablation)
{
    foreach (var side in sides.Skip(1))
    {
        PrintRatio($"{side.Name.Trim()} / auth+policy", side, sides[0], 0.90);
    }
}
else
{
    PrintRatio("generated (governance off) / plain SDK", sides[1], sides[0], 0.95);
    PrintRatio("auth+policy on / off", sides[2], sides[1], 0.90);
    PrintRatio("audit+DLP on / off (both with auth+policy)", sides[3], sides[2], 0.90);
    // The standing target: everything on (auth, policy, limits, audit, data rules) against the raw SDK.
    PrintRatio("all governance on / plain SDK", sides[3], sides[0], 0.95);
}

Console.WriteLine($"audit log written: {auditBytes / 1024.0 / 1024.0:F1} MiB");
return sides.Sum(s => s.Summary.Failures) == 0 ? 0 : 1;

static void PrintRatio(string label, Side mine, Side baseline, double target)
{
    var perRound = mine.Results.Zip(baseline.Results, (a, b) => a.Throughput / b.Throughput).Order().ToArray();
    var cpuPerRound = mine.Results.Zip(baseline.Results, (a, b) => b.CpuMicrosecondsPerRequest / a.CpuMicrosecondsPerRequest).Order().ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ratio {label}: throughput {mine.Summary.Throughput / baseline.Summary.Throughput:F3}x overall, {perRound[perRound.Length / 2]:F3}x median of {perRound.Length} rounds " +
        $"(range {perRound[0]:F3}-{perRound[^1]:F3}), p50 {mine.Summary.P50 / baseline.Summary.P50:F3}x, p99 {mine.Summary.P99 / baseline.Summary.P99:F3}x, " +
        $"CPU-bound estimate (inverse CPU per request) {cpuPerRound[cpuPerRound.Length / 2]:F3}x median (target throughput >= {target:F2}x)"));
}

int[]? ArgList(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length
        ? [.. args[index + 1].Split(',').Select(part => int.Parse(part, CultureInfo.InvariantCulture))]
        : null;
}

int ArgInt(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

internal sealed record Side(string Name, LoadRunner Runner)
{
    public List<RoundResult> Results { get; } = [];

    public Summary Summary
    {
        get
        {
            var all = new RoundResult(
                Results.Sum(r => r.Requests),
                Results.Sum(r => r.Failures),
                TimeSpan.FromTicks(Results.Sum(r => r.Elapsed.Ticks)),
                Results.SelectMany(r => r.LatenciesMs).ToArray(),
                TimeSpan.FromTicks(Results.Sum(r => r.CpuTime.Ticks)),
                Results.Sum(r => r.AllocatedBytes),
                Results.Sum(r => r.Gen1Collections));
            return new Summary(all.Throughput, all.Percentile(0.50), all.Percentile(0.99), all.CpuMicrosecondsPerRequest, all.AllocatedBytesPerRequest,
                all.Gen1Collections * 10_000.0 / all.Requests, all.Failures);
        }
    }
}

internal sealed record Summary(double Throughput, double P50, double P99, double CpuPerRequest, double AllocatedPerRequest, double Gen1Per10k, int Failures);
