using System.Collections.Concurrent;

namespace McpPlatform.Hosting.Tests.Samples;

/// <summary>Counts how often each counting tool actually ran, so a test can tell a refused call never reached it.</summary>
public sealed class ToolInvocations
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Records one run of <paramref name="tool"/> and returns how many there have been.</summary>
    public int Record(string tool) => _counts.AddOrUpdate(tool, 1, (_, count) => count + 1);

    /// <summary>How many times <paramref name="tool"/> ran.</summary>
    public int Count(string tool) => _counts.GetValueOrDefault(tool);
}
