using System.Globalization;
using McpPlatform.CodeMode.Bench;

// Code Mode's cost, measured side by side in one run against one server over real HTTP on
// 127.0.0.1: (a) one execute whose script chains three tool calls vs the same three direct
// tools/call requests; (b) sandbox start-up: execute/search of a trivial script vs a direct call
// of a trivial tool. The sandbox is internal to McpPlatform.Hosting, so its engine is timed only
// through execute. Rounds are interleaved (order flipped every round) so drift hits every side
// alike; ratios are medians of per-round ratios of median latencies. With --memory it measures the
// sandbox memory bound instead (MemoryBound).
if (args.Contains("--memory"))
{
    // The memory bound instead of latency: see MemoryBound.
    return await MemoryBound.RunAsync(ArgInt("--rounds", 5));
}

var count = ArgInt("--count", 300);
var rounds = ArgInt("--rounds", 10);

const string ChainScript = """
    async () => {
      const issue = await codemode.get_issue({ key: 'ACME-7' });
      const open = await codemode.count_issues({ status: issue.status });
      return await codemode.echo({ text: `${issue.title}: ${open} open` });
    }
    """;
const string Echoed = "Issue number 7: 34 open";

var keyFile = Path.Combine(Path.GetTempPath(), $"mcp-codemode-bench-issuer-{Guid.NewGuid():N}.json");
await using var app = await BenchServer.StartAsync(keyFile);
var direct = BenchServer.McpUri(app);
var codeMode = new Uri(direct.AbsoluteUri + "?codemode=search_and_execute");
using var http = new HttpClient();
var mcp = new McpHttp(http, BenchServer.Token(keyFile, direct));

// The direct side sends the arguments the script computes, so both sides run the same calls.
var threeDirect = new Operation("3 direct tools/call (get_issue, count_issues, echo)", async () =>
    await mcp.CallAsync(direct, "get_issue", new { key = "ACME-7" }, "Issue number 7")
    & await mcp.CallAsync(direct, "count_issues", new { status = "Open" }, "\"text\":\"34\"")
    & await mcp.CallAsync(direct, "echo", new { text = Echoed }, $"\"text\":\"{Echoed}\""));
var chained = new Operation("1 execute chaining the same 3 calls", () =>
    mcp.CallAsync(codeMode, "execute", new { code = ChainScript }, $"\"structuredContent\":{{\"result\":\"{Echoed}\""));
var noop = new Operation("direct tools/call noop", () => mcp.CallAsync(direct, "noop", new { }, "\"text\":\"1\""));
var trivialExecute = new Operation("execute async () => 1", () =>
    mcp.CallAsync(codeMode, "execute", new { code = "async () => 1" }, "\"structuredContent\":{\"result\":1,"));
var trivialSearch = new Operation("search async () => 1", () =>
    mcp.CallAsync(codeMode, "search", new { code = "async () => 1" }, "\"structuredContent\":{\"result\":1,"));
Operation[] operations = [threeDirect, chained, noop, trivialExecute, trivialSearch];

Console.WriteLine($"Code Mode over HTTP on 127.0.0.1 (auth + policy on, audit off): {count} operations x {rounds} rounds per side, one client, {Environment.ProcessorCount} cores");
foreach (var operation in operations)
{
    await operation.RunAsync(Math.Max(50, count / 2), warmUp: true); // JIT, connection, token validation caches
}

for (var round = 0; round < rounds; round++)
{
    foreach (var operation in round % 2 == 0 ? operations : operations.Reverse())
    {
        await operation.RunAsync(count);
    }
}

Console.WriteLine();
Console.WriteLine($"{"operation",-54}{"p50 ms",10}{"p90 ms",10}{"failures",10}");
foreach (var operation in operations)
{
    Console.WriteLine(Invariant($"{operation.Name,-54}{operation.Median,10:F3}{operation.P90,10:F3}{operation.Failures,10}"));
}

Console.WriteLine();
PrintRatio("execute (3 chained inner calls) / 3 direct calls", chained, threeDirect);
PrintRatio("execute async () => 1 / direct noop call", trivialExecute, noop);
PrintRatio("search async () => 1 / direct noop call", trivialSearch, noop);
PrintDifference("sandbox start-up (execute async () => 1 - direct noop)", trivialExecute, noop, 1);
PrintDifference("per inner call ((execute chain - execute async () => 1) / 3)", chained, trivialExecute, 3);
PrintDifference("per direct call (3 direct calls / 3)", threeDirect, null, 3);
File.Delete(keyFile);
return operations.Sum(o => o.Failures) == 0 ? 0 : 1;

static void PrintRatio(string label, Operation mine, Operation baseline)
{
    var perRound = mine.RoundMedians.Zip(baseline.RoundMedians, (a, b) => a / b).Order().ToArray();
    Console.WriteLine(Invariant(
        $"ratio {label}: {Stats.Median(perRound):F2}x median of {perRound.Length} rounds (range {perRound[0]:F2}-{perRound[^1]:F2}), overall p50 {mine.Median / baseline.Median:F2}x"));
}

static void PrintDifference(string label, Operation mine, Operation? baseline, int per)
{
    var perRound = (baseline is null ? mine.RoundMedians : mine.RoundMedians.Zip(baseline.RoundMedians, (a, b) => a - b)).Select(d => d / per).Order().ToArray();
    Console.WriteLine(Invariant($"{label}: {Stats.Median(perRound):F3} ms median of {perRound.Length} rounds (range {perRound[0]:F3}-{perRound[^1]:F3})"));
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

int ArgInt(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
