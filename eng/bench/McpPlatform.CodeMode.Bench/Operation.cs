using System.Diagnostics;

namespace McpPlatform.CodeMode.Bench;

/// <summary>
/// One thing a client does (three direct calls, one execute...), timed end to end from one
/// client, one at a time: the latency an agent waits for. Keeps every round's latencies.
/// </summary>
public sealed class Operation(string name, Func<Task<bool>> runOnce)
{
    private readonly List<double[]> _rounds = [];

    public string Name { get; } = name;

    public int Failures { get; private set; }

    /// <summary>The median latency of each measured round, in ms.</summary>
    public IReadOnlyList<double> RoundMedians => _rounds.Select(r => Stats.Percentile(r, 0.5)).ToArray();

    public double Median => Stats.Percentile(_rounds.SelectMany(r => r), 0.5);

    public double P90 => Stats.Percentile(_rounds.SelectMany(r => r), 0.9);

    /// <summary>Runs the operation <paramref name="count"/> times in a row; kept as a round unless <paramref name="warmUp"/>.</summary>
    public async Task RunAsync(int count, bool warmUp = false)
    {
        var latencies = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var ok = await runOnce();
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!ok)
            {
                Failures++;
            }
        }

        if (!warmUp)
        {
            _rounds.Add(latencies);
        }
    }
}
