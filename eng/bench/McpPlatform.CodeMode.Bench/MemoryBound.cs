using System.Globalization;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Hosting.CodeMode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.CodeMode.Bench;

/// <summary>
/// The memory bound, measured (not a test): MaxConcurrentExecutionsPerCaller scripts of the worst
/// kind from one read-only caller at once (every builtin that builds a large string or array in one
/// call, then holding as much as the budget allows), against a real server in this process, while
/// the process's resident set is sampled. Prints the peak growth next to the bound
/// concurrency x MemoryLimitBytes + 64 MB.
/// </summary>
public static class MemoryBound
{
    private const long Slack = 64L * 1024 * 1024;

    // search: what a read-only caller can always run; the sandbox is the same as execute's.
    private const string WorstScript = """
        async () => {
          const k = 'k'.repeat(1000), keep = [], refused = [];
          const attempts = [
            () => 'x'.padStart(2 ** 29), () => 'x'.padEnd(2 ** 29, 'ab'), () => 'x'.repeat(2 ** 29),
            () => new Array(5e5).fill(k).join(''), () => new Array(5e5).join(k), () => String(new Array(5e5).fill(k)),
            () => new Array(5e5).fill(k).toLocaleString(),
            () => { let t = { a: k }; for (let i = 0; i < 30; i++) t = { a: t, b: t }; return JSON.stringify(t); },
            () => JSON.stringify(new Array(1e5).fill(0), (key, v) => key === '' ? v : k),
            () => k.repeat(100).replaceAll('k', k), () => 'x'.repeat(1e5).replace(/x/g, "$'"), () => 'x'.repeat(1e5).replace(/x/g, () => k),
            () => k.concat(...new Array(1e5).fill(k)), () => Object.entries(k.repeat(1000)), () => Array.from({ length: 5e5 }),
            () => Math.max.apply(null, { length: 5e5 }), () => String.raw({ raw: { length: 2 ** 40 } }),
            () => eval('[' + '1,'.repeat(3e6) + ']'), () => new Function('return [' + 'a,'.repeat(3e6) + ']'), () => JSON.parse('[' + '[],'.repeat(5e5) + '[]]'),
          ];
          for (const attempt of attempts) { try { keep.push(attempt()); } catch (e) { refused.push(e.name); } }
          try { for (let i = 0; ; i++) keep.push('y'.repeat(1 << 19) + i); } catch (e) { refused.push(e.name); }
          return refused.length;
        }
        """;

    public static async Task<int> RunAsync(int rounds)
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"mcp-codemode-bench-issuer-{Guid.NewGuid():N}.json");
        await using var app = await BenchServer.StartAsync(keyFile);
        var options = app.Services.GetRequiredService<IOptions<CodeModeOptions>>().Value;
        var concurrency = options.MaxConcurrentExecutionsPerCaller;
        var endpoint = new Uri(BenchServer.McpUri(app).AbsoluteUri + "?codemode=search_and_execute");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var mcp = new McpHttp(http, BenchServer.Token(keyFile, BenchServer.McpUri(app)));

        // Warm-up: JIT, connection, token cache; then settle the heap so the baseline is the server at rest.
        var warm = await mcp.CallForTextAsync(endpoint, "search", new { code = WorstScript });
        Console.WriteLine($"warm-up answer: {Shorten(warm)}");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = Rss();
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss());
                await Task.Delay(2);
            }
        });

        var answers = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => mcp.CallForTextAsync(endpoint, "search", new { code = WorstScript })));
            answers.AddRange(batch.Select(Shorten));
        }

        await sampling.CancelAsync();
        await sampler;
        File.Delete(keyFile);

        var growth = peak - baseline;
        var bound = (concurrency * options.MemoryLimitBytes) + Slack;
        Console.WriteLine($"{concurrency} worst-kind scripts at once x {rounds} rounds, MemoryLimitBytes {Mb(options.MemoryLimitBytes)} MB, {Environment.ProcessorCount} cores");
        foreach (var answer in answers.Distinct())
        {
            Console.WriteLine($"  answer: {answer}");
        }

        Console.WriteLine($"baseline RSS {Mb(baseline)} MB, peak RSS {Mb(peak)} MB");
        Console.WriteLine($"peak RSS growth {Mb(growth)} MB; bound {concurrency} x {Mb(options.MemoryLimitBytes)} MB + {Mb(Slack)} MB = {Mb(bound)} MB: {(growth <= bound ? "held" : "EXCEEDED")}");
        return growth <= bound ? 0 : 1;
    }

    // Resident set from /proc (pages x 4 KiB), cheap enough to sample every few milliseconds.
    private static long Rss() =>
        long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture);

    private static string Shorten(string? text) =>
        text is null ? "HTTP error" : text.Length <= 160 ? text : text[..160] + "...";
}
