using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using McpPlatform.Hosting.Tools;
using McpPlatform.OpenApi;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.ML.Tokenizers;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

// OpenAPI at scale with GitHub's published REST description (eng/node/node_modules/@octokit/openapi), printed:
//  1. the cost of the document: OpenApiOperationCatalog.Load (read, validate, resolve every $ref) and the descriptors
//     with their TypeScript declarations, each over several rounds;
//  2. a Code Mode search over every operation: the search tool called over HTTP with codemode.search(query) (sandbox,
//     policy filter, ranking, JSON back), p50/p99 per query, and the host-side ranking alone;
//  3. the surfaces in o200k tokens: every operation as a native tool vs search + execute.
// Usage: bash eng/bench/openapi.sh [--rounds N (load rounds, default 3)] [--searches N (per query, default 100)]
var rounds = ArgInt("--rounds", 3);
var searches = ArgInt("--searches", 100);
var document = Path.Combine(RepositoryLayout.NodeModules, "@octokit", "openapi", "generated", "api.github.com.json");
Console.WriteLine($"GitHub REST description: {Path.GetFileName(document)}, {new FileInfo(document).Length / 1024.0 / 1024.0:F1} MB; {Environment.ProcessorCount} cores, load average {LoadAverage()}");

// 1. Load and compile.
var loads = new List<double>();
var compiles = new List<double>();
IReadOnlyList<ApiOperation> operations = [];
for (var round = 0; round < rounds; round++)
{
    var started = Stopwatch.GetTimestamp();
    operations = OpenApiOperationCatalog.Load(document);
    loads.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    started = Stopwatch.GetTimestamp();
    _ = operations.Select(o => o.ToDescriptor("github")).ToList();
    compiles.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}

var descriptors = operations.Select(o => o.ToDescriptor("github")).ToList();
Console.WriteLine($"operations: {operations.Count}; TypeScript: {descriptors.Sum(d => d.TypeScript!.Length) / 1024} KB in all, longest {descriptors.Max(d => d.TypeScript!.Length)} characters (cap {OperationTypeScript.MaxLength})");
Console.WriteLine($"load (read + validate + resolve $refs), {rounds} rounds: first {loads[0]:F0} ms, median {Stats.Median(loads):F0} ms");
Console.WriteLine($"descriptors + TypeScript declarations:    first {compiles[0]:F0} ms, median {Stats.Median(compiles):F0} ms");

// 2 and 3 against a real server fronting the document (the base URL is never called here).
await using var app = await StartServerAsync(document);
var mcp = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/mcp");

string[] queries = ["create an issue", "list pull request review comments", "delete a repository webhook", "get the authenticated user", "actions workflow run logs"];
await using (var client = await ConnectAsync(new Uri(mcp, "?codemode=search_and_execute")))
{
    Console.WriteLine();
    Console.WriteLine($"search over all {operations.Count} operations: the search tool over HTTP, codemode.search(query) top 10, {searches} calls per query (target p50 <= 50 ms)");
    Console.WriteLine($"{"query",-38}{"p50 ms",8}{"p99 ms",8}  first result");
    var all = new List<double>();
    var baseline = new List<double>();
    foreach (var query in queries.Prepend(""))
    {
        // The first row is the floor: the same call with a script that searches nothing (HTTP, sandbox, policy filter).
        var code = query.Length == 0 ? "async () => ['(no search)']" : $"async () => codemode.search({JsonSerializer.Serialize(query)}).map(t => t.name)";
        string? first = null;
        for (var warm = 0; warm < 5; warm++)
        {
            first = await SearchFirstAsync(client, code);
        }

        var times = new List<double>();
        for (var i = 0; i < searches; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await SearchFirstAsync(client, code);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        (query.Length == 0 ? baseline : all).AddRange(times);
        Console.WriteLine($"{(query.Length == 0 ? "baseline: a script that returns at once" : query),-38}{Stats.Percentile(times, 0.5),8:F1}{Stats.Percentile(times, 0.99),8:F1}  {first}");
    }

    Console.WriteLine($"{"all queries",-38}{Stats.Percentile(all, 0.5),8:F1}{Stats.Percentile(all, 0.99),8:F1}");
    var filter = "async () => codemode.tools().filter(t => t.method === 'POST' && /issues/.test(t.path)).length";
    var full = await client.CallToolAsync("search", new Dictionary<string, object?> { ["code"] = filter });
    Console.WriteLine($"codemode.tools() over every operation: {(full.IsError == true ? "refused: " + Text(full)[..Math.Min(160, Text(full).Length)] + "..." : Text(full))}");
}

Console.WriteLine($"load average now {LoadAverage()}");
Console.WriteLine();
Console.WriteLine("surfaces, o200k_base tokens of the tools/list result (as mcp-platform tokens counts them)");
var o200k = TiktokenTokenizer.CreateForEncoding("o200k_base");
await using (var native = await ConnectAsync(new Uri(mcp, "?codemode=false")))
await using (var codeMode = await ConnectAsync(new Uri(mcp, "?codemode=search_and_execute")))
{
    var nativeTools = (await native.ListToolsAsync()).Select(t => t.ProtocolTool).ToList();
    var codeModeTools = (await codeMode.ListToolsAsync()).Select(t => t.ProtocolTool).ToList();
    var nativeTokens = Tokens(nativeTools);
    var codeModeTokens = Tokens(codeModeTools);
    var operationTools = nativeTools.Where(t => t.Name.StartsWith("github_", StringComparison.Ordinal)).ToList();
    Console.WriteLine($"native list ({operationTools.Count} operations listed, NativeToolLimit raised past them): {nativeTokens:N0} tokens");
    Console.WriteLine($"  the same without output schemas: {Tokens([.. operationTools.Select(t => new Tool { Name = t.Name, Description = t.Description, InputSchema = t.InputSchema, Annotations = t.Annotations })]):N0} tokens");
    Console.WriteLine($"Code Mode (search + execute): {codeModeTokens} tokens (target <= 500), {100.0 * (1 - ((double)codeModeTokens / nativeTokens)):F2}% less");
}

return 0;

int Tokens(IReadOnlyList<Tool> tools) =>
    o200k.CountTokens(JsonSerializer.Serialize(new ListToolsResult { Tools = [.. tools] }, McpJsonUtilities.DefaultOptions));

static async Task<string?> SearchFirstAsync(McpClient client, string code)
{
    var result = await client.CallToolAsync("search", new Dictionary<string, object?> { ["code"] = code });
    if (result.IsError == true)
    {
        throw new InvalidOperationException("search failed: " + Text(result));
    }

    return result.StructuredContent!.Value.GetProperty("result").EnumerateArray().FirstOrDefault().GetString();
}

static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

static Task<McpClient> ConnectAsync(Uri url) =>
    McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = url, TransportMode = HttpTransportMode.StreamableHttp }));

// No authentication, audit, rate limits or data rules: the measure is listing and searching, not the pipeline around it.
static async Task<WebApplication> StartServerAsync(string document)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Configuration["Logging:LogLevel:Default"] = "Warning";
    builder.Configuration["McpPlatform:Authentication:Enabled"] = "false";
    builder.Configuration["McpPlatform:RateLimits:Enabled"] = "false";
    builder.Configuration["McpPlatform:Audit:Enabled"] = "false";
    builder.Configuration["McpPlatform:Dlp:Enabled"] = "false";
    // Every operation in the native list, so its cost can be counted beside the Code Mode one.
    builder.Configuration["McpPlatform:OpenApi:NativeToolLimit"] = "100000";
    builder.Configuration["McpPlatform:OpenApi:Apis:github:BaseUrl"] = "http://127.0.0.1:9/";
    builder.AddMcpOpenApi("github", document);
    builder.AddMcpPlatform(new McpToolCatalog([]));
    var app = builder.Build();
    app.MapMcpPlatform();
    await app.StartAsync();
    return app;
}

// Timings on a shared machine mean little without it.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

int ArgInt(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
