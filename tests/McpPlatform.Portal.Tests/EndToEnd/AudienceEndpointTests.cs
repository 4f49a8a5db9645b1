using static McpPlatform.Portal.Tests.EndToEnd.TypeScriptClient;

namespace McpPlatform.Portal.Tests.EndToEnd;

/// <summary>
/// The source document's example, two portals from one host: finance at /finance/mcp sees only the read tools of the
/// issue tracker; engineering at /engineering/mcp reads and writes.
/// </summary>
[Collection(PortalWorldCollection.Name)]
public sealed class AudienceEndpointTests(PortalWorld world)
{
    [Fact]
    public async Task Finance_sees_only_the_read_tools_of_one_upstream()
    {
        var run = await RunAsync(
            world.FinanceUri,
            world.FinanceToken(),
            List(),
            Call("issues_get_issue", new { issueKey = "WEB-1" }),
            Call("issues_create_issue", new { projectKey = "WEB", summary = "finance may not write" }),
            Call("wiki_search_pages", new { query = "a" }));

        var names = run.ToolNames(0);
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.StartsWith("issues_", name, StringComparison.Ordinal));
        Assert.Contains("issues_get_issue", names);
        Assert.Contains("issues_search_issues", names);
        Assert.DoesNotContain("issues_create_issue", names);
        Assert.DoesNotContain("issues_delete_issue", names);

        Assert.False(run.Failed(1), run.Step(1).ToJsonString());
        Assert.Contains("Login page times out", run.Text(1), StringComparison.Ordinal);
        Assert.True(run.Failed(2), "finance wrote through its endpoint: " + run.Step(2).ToJsonString());
        Assert.True(run.Failed(3), "finance reached another upstream through its endpoint: " + run.Step(3).ToJsonString());
    }

    [Fact]
    public async Task Engineering_reads_and_writes_every_upstream()
    {
        var run = await RunAsync(
            world.EngineeringUri,
            world.EngineerToken(),
            List(),
            Call("wiki_search_pages", new { query = "a" }),
            Call("issues_create_issue", new { projectKey = "WEB", summary = "engineering writes" }));

        var names = run.ToolNames(0);
        Assert.Contains("issues_create_issue", names);
        Assert.Contains("wiki_search_pages", names);
        Assert.Contains("everything_echo", names);
        Assert.Contains("memory_create_entities", names);
        Assert.False(run.Failed(1), run.Step(1).ToJsonString());
        Assert.False(run.Failed(2), run.Step(2).ToJsonString());
        Assert.Contains("engineering writes", run.Text(2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_outside_the_audience_s_groups_is_offered_nothing_there()
    {
        var run = await RunAsync(world.FinanceUri, world.EmployeeToken(), List(), Call("issues_get_issue", new { issueKey = "WEB-1" }));

        Assert.Empty(run.ToolNames(0));
        Assert.True(run.Failed(1), "a non-member called a tool on the finance endpoint: " + run.Step(1).ToJsonString());
        Assert.Contains("finance", run.Text(1), StringComparison.Ordinal);
    }
}
