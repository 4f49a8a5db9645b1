using System.Text;
using McpPlatform.Conformance.Tests;

namespace McpPlatform.Portal.Tests.EndToEnd.Conformance;

/// <summary>
/// The official MCP conformance suite, scenario by scenario, against the portal with the conformance fixture as its
/// upstream: what passes directly (McpPlatform.Conformance.Tests) passes through the portal.
/// </summary>
public sealed class PortalConformanceTests(ConformancePortal portal, ITestOutputHelper output) : IClassFixture<ConformancePortal>
{
    [Theory]
    [MemberData(nameof(PortalConformanceScenarios.ThroughPortalNames), MemberType = typeof(PortalConformanceScenarios))]
    public async Task Portal_passes_conformance_scenario(string scenario)
    {
        var run = await ConformanceCli.RunServerScenarioAsync(scenario, portal.McpEndpoint);
        output.WriteLine(run.Summary);
        foreach (var check in run.Checks)
        {
            output.WriteLine("  " + check);
        }

        var problems = new List<string>();
        if (run.Count(ConformanceCheck.Success) == 0)
        {
            problems.Add("no check succeeded (a scenario that only reports INFO did not test anything)");
        }

        // The warnings the direct run accepts (and only those) are accepted here too.
        problems.AddRange(run.Checks
            .Where(c => c.Status != ConformanceCheck.Success && !c.IsInformational)
            .Where(c => !(c.Status == ConformanceCheck.Warning && ServerScenarios.ExpectedWarnings.ContainsKey((scenario, c.Id))))
            .Select(c => c.ToString()));

        if (problems.Count > 0)
        {
            var message = new StringBuilder($"Conformance scenario {scenario} failed through the portal:\n");
            problems.ForEach(p => message.AppendLine("  - " + p));
            message.AppendLine(run.Summary).AppendLine("--- conformance report ---");
            message.AppendLine(run.Report.Length > 6_000 ? "[...]\n" + run.Report[^6_000..] : run.Report);
            message.AppendLine("--- fixture output ---").AppendLine(portal.FixtureOutput());
            Assert.Fail(message.ToString());
        }
    }

    [Fact]
    public void Every_scenario_held_directly_is_held_through_the_portal_or_explained()
    {
        var unclassified = ServerScenarios.InScope.Keys
            .Where(s => !PortalConformanceScenarios.ThroughPortal.Contains(s) && !PortalConformanceScenarios.NotApplicable.ContainsKey(s))
            .ToList();
        var both = PortalConformanceScenarios.ThroughPortal.Intersect(PortalConformanceScenarios.NotApplicable.Keys).ToList();
        var unknown = PortalConformanceScenarios.ThroughPortal.Concat(PortalConformanceScenarios.NotApplicable.Keys).Except(ServerScenarios.InScope.Keys).ToList();

        Assert.True(unclassified.Count == 0, "Scenarios held directly but neither run through the portal nor explained: " + string.Join(", ", unclassified));
        Assert.True(both.Count == 0, "Scenarios both run and explained away: " + string.Join(", ", both));
        Assert.True(unknown.Count == 0, "Scenarios the direct run does not hold: " + string.Join(", ", unknown));
    }
}
