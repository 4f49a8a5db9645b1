using System.Diagnostics;
using System.Text.Json;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Governance;
using McpPlatform.Hosting.Tools;

namespace McpPlatform.Bench;

/// <summary>
/// Where the audit + DLP side's time goes, without HTTP: the audit writer's cost per record
/// (chain hash, formatting, file) and the data-loss scans of the benchmark call's arguments and
/// result. Run with <c>--micro [--operations N]</c>; prints microseconds per operation.
/// </summary>
public static class AuditMicroBench
{
    public static async Task RunAsync(int operations)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mcp-bench-micro-{Guid.NewGuid():N}");
        await using (var app = await BenchServers.StartGovernedAsync(keyFile: null, folder))
        {
            var audit = app.Services.GetRequiredService<AuditLog>();
            var dlp = app.Services.GetRequiredService<DlpEngine>();
            var tool = app.Services.GetRequiredService<McpToolCatalog>().Descriptors.Single(d => d.Name == "get_issue");
            var arguments = new Dictionary<string, JsonElement> { ["key"] = JsonSerializer.SerializeToElement("ACME-7") };
            var result = ToolResults.Json(writer => JsonSerializer.Serialize(writer, IssueData.Get("ACME-7"), JsonSerializerOptions.Web), structured: true);

            for (var pass = 0; pass < 3; pass++)
            {
                Console.WriteLine($"pass {pass + 1}:");
                await Measure("audit record (writer, non-durable, queued then flushed)", operations, async count =>
                {
                    for (var i = 0; i < count; i++)
                    {
                        await audit.WriteAsync(SampleRecord(i), durable: false);
                    }

                    await audit.FlushAsync();
                });
                await Measure("audit record (8 writers at once, then flushed)", operations, async count =>
                {
                    await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
                    {
                        for (var i = w; i < count; i += 8)
                        {
                            await audit.WriteAsync(SampleRecord(i), durable: false);
                            await Task.Yield(); // as requests do: one record, then other work
                        }
                    })));
                    await audit.FlushAsync();
                });
                await Measure("audit record (durable, one at a time)", operations / 10, async count =>
                {
                    for (var i = 0; i < count; i++)
                    {
                        await audit.WriteAsync(SampleRecord(i), durable: true);
                    }
                });
                await Measure("DLP InspectArguments", operations, count =>
                {
                    for (var i = 0; i < count; i++)
                    {
                        dlp.InspectArguments(tool, arguments);
                    }

                    return Task.CompletedTask;
                });
                await Measure("DLP RedactResult", operations, count =>
                {
                    for (var i = 0; i < count; i++)
                    {
                        dlp.RedactResult(tool, result, out _);
                    }

                    return Task.CompletedTask;
                });
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    private static AuditRecord SampleRecord(int i) => new()
    {
        RequestId = "1",
        Method = "tools/call",
        CorrelationId = "4bf92f3577b34da6a3ce929d0e0e4736",
        Subject = "bench",
        ClientId = "bench",
        Tool = "get_issue",
        Access = "Read",
        Decision = "allowed",
        Rule = "default-read",
        Arguments = """{"key":"ACME-7"}""",
        Outcome = "ok",
        ResultBytes = 180,
        DurationMs = i % 3,
    };

    private static async Task Measure(string what, int count, Func<int, Task> run)
    {
        await run(Math.Max(1, count / 10)); // warm-up
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await run(count);
        clock.Stop();
        var cpuPerOp = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / count;
        var perOp = clock.Elapsed.TotalMicroseconds / count;
        Console.WriteLine($"  {what,-52}{perOp,8:F2} us/op {cpuPerOp,8:F2} CPU us/op {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)count,8:F0} B/op");
    }
}
