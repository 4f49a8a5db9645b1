using System.Diagnostics;
using McpPlatform.Generator.Bench;
using McpPlatform.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Steps = McpPlatform.Generators.McpToolGenerator.Steps;

// Source generator time on the 520-tool LargeApi fixture, in one process: (a) cold, a fresh driver's
// first run over a freshly parsed compilation (what a build does, with the compiler server's JIT
// already warm); (b) the same driver again after an edit that touches no tool (what the IDE and an
// incremental build do); a tool edit is timed for contrast. Rounds are bounded and the order of the
// edits rotates every round; the figures are medians. Timed runs do not track steps (as in the
// compiler); one tracked run beforehand proves from Roslyn's own run result that the edits that
// touch no tool reuse every cached step and the emitted source.
var rounds = Math.Clamp(ArgInt("--rounds", 10), 1, 50);
var warmUps = Math.Clamp(ArgInt("--warm-up", 2), 0, 10);
var fixture = Fixture.Load(ArgString("--fixture"));

Console.WriteLine($"McpToolGenerator on {fixture.Directory}");
Console.WriteLine($"  {fixture.Sources.Length} files, {fixture.References.Length} references, {rounds} rounds after {warmUps} warm-up rounds, {Environment.ProcessorCount} cores{LoadAverage()}");

var firstInProcess = Time(() => CreateDriver(trackSteps: false).RunGenerators(fixture.Compile()));

// The check: generator output compiles, every tool is found, and the cache holds where it should.
Console.WriteLine();
Console.WriteLine("Check (one run with trackIncrementalGeneratorSteps):");
var baseline = fixture.Compile();
var tracked = CreateDriver(trackSteps: true).RunGeneratorsAndUpdateCompilation(baseline, out var withGenerated, out var generatorDiagnostics);
var firstRun = tracked.GetRunResult().Results.Single();
var toolCount = firstRun.TrackedSteps.TryGetValue(Steps.Tools, out var toolSteps) ? toolSteps.Sum(s => s.Outputs.Length) : 0;
var errors = generatorDiagnostics.Concat(withGenerated.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
Console.WriteLine($"  tools found: {toolCount}; generated files: {firstRun.GeneratedSources.Length} ({firstRun.GeneratedSources.Sum(s => s.SourceText.Length) / 1024} KB); compile errors with the output: {errors.Count}");
foreach (var error in errors.Take(5))
{
    Console.WriteLine($"    {error}");
}

var checkFailed = errors.Count > 0 || toolCount == 0;
foreach (var edit in Edit.All)
{
    var rows = StepReasons.Of(tracked.RunGenerators(edit.ApplyTo(baseline, fixture)).GetRunResult().Results.Single());
    var reused = StepReasons.AllReused(rows);
    var expected = edit.ExpectReused is null || edit.ExpectReused == reused;
    checkFailed |= !expected;
    var verdict = reused ? "every step and the source output reused (Cached/Unchanged)" : "output regenerated (Modified)";
    Console.WriteLine($"  after {edit.Name}: {verdict}{(expected ? string.Empty : "  <-- NOT AS EXPECTED")}");
    foreach (var (step, reasons) in rows)
    {
        Console.WriteLine($"    {step,-32} {StepReasons.Format(reasons)}");
    }
}

// The timing: warm-up rounds first (JIT of Roslyn and the generator), then the measured ones.
var cold = new List<double>();
var warm = Edit.All.ToDictionary(e => e, _ => new List<double>());
var ratios = Edit.All.ToDictionary(e => e, _ => new List<double>());
for (var round = -warmUps; round < rounds; round++)
{
    var compilation = fixture.Compile();
    var driver = CreateDriver(trackSteps: false);
    var coldMs = Time(() => driver = driver.RunGenerators(compilation));
    var afterCold = driver;
    var edits = Edit.All.Skip(Math.Abs(round) % Edit.All.Count).Concat(Edit.All.Take(Math.Abs(round) % Edit.All.Count));
    foreach (var edit in edits)
    {
        var edited = edit.ApplyTo(compilation, fixture);
        var ms = Time(() => afterCold.RunGenerators(edited));
        if (round >= 0)
        {
            warm[edit].Add(ms);
            ratios[edit].Add(ms / coldMs);
        }
    }

    if (round >= 0)
    {
        cold.Add(coldMs);
    }
}

Console.WriteLine();
Console.WriteLine($"Generator time, ms (median, min-max of {rounds} rounds):");
Console.WriteLine($"  {"first run in this process (JIT included)",-62} {firstInProcess,8:F1}");
Console.WriteLine($"  {"cold: fresh driver, fresh compilation",-62} {Stats.Median(cold),8:F1}  ({cold.Min():F1}-{cold.Max():F1})");
foreach (var edit in Edit.All)
{
    var times = warm[edit];
    Console.WriteLine($"  {"after " + edit.Name,-62} {Stats.Median(times),8:F1}  ({times.Min():F1}-{times.Max():F1})  warm/cold {Stats.Median(times) / Stats.Median(cold):F3}x (median per-round ratio {Stats.Median(ratios[edit]):F3}x)");
}

if (checkFailed)
{
    Console.WriteLine();
    Console.WriteLine("CHECK FAILED: see above.");
    return 1;
}

return 0;

static GeneratorDriver CreateDriver(bool trackSteps) =>
    CSharpGeneratorDriver.Create(
        [new McpToolGenerator().AsSourceGenerator()],
        parseOptions: Fixture.ParseOptions,
        optionsProvider: BuildProperties.Fixture,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

// Milliseconds one action takes, after a full collection so garbage of the previous one is not charged to it.
static double Time(Action action)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var start = Stopwatch.GetTimestamp();
    action();
    return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

// The machine's load when the run starts (Linux), so noisy numbers can be told apart.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? ", load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : string.Empty;

int ArgInt(string name, int fallback) =>
    ArgString(name) is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

string? ArgString(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
