namespace McpPlatform.Conformance.Tests;

/// <summary>Keeps the scenario lists honest when the conformance suite is upgraded.</summary>
public sealed class SuiteCoverageTests
{
    [Fact]
    public async Task Every_server_scenario_of_the_suite_is_run_or_explicitly_out_of_scope()
    {
        var listed = await ConformanceCli.ListServerScenariosAsync();

        Assert.NotEmpty(listed);
        var unclassified = listed.Where(s => !ServerScenarios.InScope.ContainsKey(s) && !ServerScenarios.OutOfScope.ContainsKey(s)).ToList();
        var unknown = ServerScenarios.InScope.Keys.Concat(ServerScenarios.OutOfScope.Keys).Except(listed).ToList();
        var both = ServerScenarios.InScope.Keys.Intersect(ServerScenarios.OutOfScope.Keys).ToList();

        Assert.True(unclassified.Count == 0, "Server scenarios in the suite but in neither list of ServerScenarios: " + string.Join(", ", unclassified));
        Assert.True(unknown.Count == 0, "Scenarios in ServerScenarios that the suite no longer has: " + string.Join(", ", unknown));
        Assert.True(both.Count == 0, "Scenarios both in and out of scope: " + string.Join(", ", both));
    }
}
