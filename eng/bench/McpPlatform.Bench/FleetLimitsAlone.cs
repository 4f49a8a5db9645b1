using System.Diagnostics;
using McpPlatform.Governance.RateLimiting;

namespace McpPlatform.Bench;

/// <summary>
/// The limit steps of one tools/call without HTTP, the SDK or the tool: the request budget, then the tool bucket and a
/// concurrency slot (given back at once), taken by <paramref name="workers"/> callers' worth of concurrent loops from a
/// server's own <see cref="CallerRateLimits"/> (in process, or on Redis). What the Redis round trip costs on its own.
/// </summary>
public static class FleetLimitsAlone
{
    public static async Task<(double P50Ms, double CpuMicroseconds)> MeasureAsync(CallerRateLimits limits, int operations, int workers)
    {
        var latencies = new double[operations];
        var next = -1;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < operations)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = await limits.AcquireRequestAsync("caller:bench");
                var (tool, slot) = await limits.AcquireToolCallAndSlotAsync("caller:bench", "get_issue", isRead: true);
                if (!request.IsAcquired || !tool.IsAcquired || slot is not { IsAcquired: true })
                {
                    throw new InvalidOperationException("a limit refused: the bench's limits are meant never to");
                }

                slot.Dispose();
                tool.Dispose();
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Array.Sort(latencies);
        return (latencies[operations / 2], cpu.TotalMicroseconds / operations);
    }
}
