using Microsoft.CodeAnalysis;
using Steps = McpPlatform.Generators.McpToolGenerator.Steps;

namespace McpPlatform.Generator.Bench;

/// <summary>Why each tracked step of a generator run produced its outputs (Cached, Unchanged, Modified, New...).</summary>
public static class StepReasons
{
    /// <summary>The generator's named steps that feed its one source output, in pipeline order.</summary>
    public static readonly string[] Tracked = [Steps.Tools, Steps.HostingReferenced, Steps.Server, Steps.Config, Steps.Catalog];

    public const string SourceOutput = "source output";

    /// <summary>Per tracked step (and the source output), the number of outputs for each reason.</summary>
    public static IReadOnlyList<(string Step, IReadOnlyDictionary<IncrementalStepRunReason, int> Reasons)> Of(GeneratorRunResult result)
    {
        var rows = Tracked.Select(step => (step, Count(result.TrackedSteps.TryGetValue(step, out var runs) ? runs : [])));
        return rows.Append((SourceOutput, Count(result.TrackedOutputSteps.SelectMany(p => p.Value))))
            .Select(r => (r.Item1, r.Item2))
            .ToList();
    }

    /// <summary>True when every output of every step was reused: nothing was recomputed into a different value.</summary>
    public static bool AllReused(IEnumerable<(string Step, IReadOnlyDictionary<IncrementalStepRunReason, int> Reasons)> rows) =>
        rows.All(r => r.Reasons.Count > 0 && r.Reasons.Keys.All(k => k is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

    public static string Format(IReadOnlyDictionary<IncrementalStepRunReason, int> reasons) =>
        reasons.Count == 0 ? "(not run)" : string.Join(", ", reasons.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}"));

    private static IReadOnlyDictionary<IncrementalStepRunReason, int> Count(IEnumerable<IncrementalGeneratorRunStep> runs) =>
        runs.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).ToDictionary(g => g.Key, g => g.Count());
}
