using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace McpPlatform.Portal.Bench;

/// <summary>One measured round: latencies of a fixed number of tools/call requests from a fixed number of workers.</summary>
public sealed record Round(int Requests, int Failures, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double Throughput => Requests / Elapsed.TotalSeconds;
}

/// <summary>Sends bounded tools/call load to one endpoint over real HTTP (stateless Streamable HTTP); stops by itself.</summary>
public sealed class CallLoad(HttpClient http, Uri endpoint, string tool, string? bearerToken, Func<Task>? settle = null)
{
    private readonly string _body = System.Text.Json.JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method = "tools/call", @params = new { name = tool, arguments = new { key = "ACME-7" } } });
    private readonly string? _authorization = bearerToken is null ? null : "Bearer " + bearerToken;
    private int _reported;

    public async Task<Round> RunAsync(int requests, int workers)
    {
        var latencies = new double[requests];
        var failures = 0;
        var next = -1;
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

        if (settle is not null)
        {
            await settle(); // the audit writer's backlog counts against the round that made it
        }

        clock.Stop();
        return new Round(requests, failures, clock.Elapsed, latencies);
    }

    private async Task<bool> CallOnceAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(_body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var ok = response.IsSuccessStatusCode && text.Contains("the build is red", StringComparison.Ordinal) && !text.Contains("\"isError\":true", StringComparison.Ordinal);
        if (!ok && Interlocked.Exchange(ref _reported, 1) == 0)
        {
            Console.Error.WriteLine($"first failed call to {endpoint} ({tool}): {(int)response.StatusCode} {text[..Math.Min(text.Length, 400)]}");
        }

        return ok;
    }
}
