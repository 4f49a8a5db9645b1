using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace McpPlatform.Bench;

/// <summary>One measured round: a fixed number of tools/call requests from a fixed number of workers.</summary>
public sealed record RoundResult(int Requests, int Failures, TimeSpan Elapsed, double[] LatenciesMs, TimeSpan CpuTime, long AllocatedBytes, int Gen1Collections)
{
    public double Throughput => Requests / Elapsed.TotalSeconds;

    /// <summary>
    /// Process CPU time per request (servers and load generator share the process; only this side is
    /// busy during its round). Steadier than throughput when other work shares the machine.
    /// </summary>
    public double CpuMicrosecondsPerRequest => CpuTime.TotalMicroseconds / Requests;

    /// <summary>Bytes the process allocated per request: servers and load generator, deterministic where time is not.</summary>
    public double AllocatedBytesPerRequest => (double)AllocatedBytes / Requests;

    public double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>Sends bounded load to one MCP endpoint over real HTTP; stops by itself.</summary>
public sealed class LoadRunner(HttpClient http, Uri endpoint, string? bearerToken = null, Func<Task>? settle = null)
{
    // Built once and added unvalidated, so the load generator's own header handling stays out of the auth side's numbers.
    private readonly string? _authorization = bearerToken is null ? null : "Bearer " + bearerToken;

    private const string Body = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_issue","arguments":{"key":"ACME-7"}}}""";

    public async Task<RoundResult> RunAsync(int requests, int workers)
    {
        var latencies = new double[requests];
        var failures = 0;
        var next = -1;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var gen1Before = GC.CollectionCount(1);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await CallOnceAsync())
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));

        // Work the server still owes for this round (the audit writer's backlog) counts against it,
        // and must not spill into the next side's round.
        if (settle is not null)
        {
            await settle();
        }

        clock.Stop();
        return new RoundResult(requests, failures, clock.Elapsed, latencies, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore,
            GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore, GC.CollectionCount(1) - gen1Before);
    }

    private async Task<bool> CallOnceAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && text.Contains("Issue number 7", StringComparison.Ordinal) && !text.Contains("\"isError\":true", StringComparison.Ordinal);
    }
}
