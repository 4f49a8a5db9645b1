using System.Text;

namespace McpPlatform.Conformance.Tests;

/// <summary>
/// The official MCP conformance suite, scenario by scenario, against a server built with
/// McpPlatform (generated tools, AddMcpPlatform/MapMcpPlatform) running as a real process.
/// </summary>
public sealed class ServerConformanceTests(FixtureServer server, ITestOutputHelper output) : IClassFixture<FixtureServer>
{
    [Theory]
    [MemberData(nameof(ServerScenarios.InScopeNames), MemberType = typeof(ServerScenarios))]
    public async Task Server_passes_conformance_scenario(string scenario)
    {
        var run = await ConformanceCli.RunServerScenarioAsync(scenario, server.McpEndpoint);
        output.WriteLine(run.Summary);
        foreach (var check in run.Checks)
        {
            output.WriteLine("  " + check);
        }

        var problems = new List<string>();
        if (run.Checks.Count(c => c.Status == ConformanceCheck.Success) == 0)
        {
            problems.Add("no check succeeded (a scenario that only reports INFO did not test anything)");
        }

        foreach (var check in run.Checks.Where(c => c.Status != ConformanceCheck.Success && !c.IsInformational))
        {
            var accepted = check.Status == ConformanceCheck.Warning
                && ServerScenarios.ExpectedWarnings.ContainsKey((scenario, check.Id));
            if (!accepted)
            {
                problems.Add(check.ToString());
            }
        }

        foreach (var ((expectedScenario, checkId), reason) in ServerScenarios.ExpectedWarnings.Where(e => e.Key.Scenario == scenario))
        {
            var statuses = run.Checks.Where(c => c.Id == checkId).Select(c => c.Status).Distinct().ToList();
            if (!statuses.Contains(ConformanceCheck.Warning))
            {
                problems.Add($"expected warning {checkId} ({reason}) was not reported (got {(statuses.Count == 0 ? "no such check" : string.Join(", ", statuses))}); remove it from ServerScenarios.ExpectedWarnings");
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail(Describe(run, problems));
        }
    }

    private string Describe(ScenarioRun run, List<string> problems)
    {
        var message = new StringBuilder();
        message.AppendLine($"Conformance scenario {run.Scenario} failed {problems.Count} check(s):");
        foreach (var problem in problems)
        {
            message.AppendLine("  - " + problem);
        }

        message.AppendLine(run.Summary);
        message.AppendLine("--- conformance report ---");
        message.AppendLine(run.Report.Length > 8_000 ? "[...]\n" + run.Report[^8_000..] : run.Report);
        message.AppendLine("--- fixture server output ---");
        message.AppendLine(server.OutputTail());
        return message.ToString();
    }
}
