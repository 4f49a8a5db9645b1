using static McpPlatform.Portal.Tests.EndToEnd.TypeScriptClient;

namespace McpPlatform.Portal.Tests.EndToEnd;

/// <summary>
/// The official TypeScript SDK client through the portal to real upstreams: two published npm servers run unmodified
/// (one over Streamable HTTP, one launched over stdio) and two governed McpPlatform servers.
/// </summary>
[Collection(PortalWorldCollection.Name)]
public sealed class TypeScriptClientThroughPortalTests(PortalWorld world)
{
    private static readonly string[] Namespaces = ["everything_", "memory_", "issues_", "wiki_"];

    [Fact]
    public async Task Every_upstream_s_tools_are_listed_under_its_namespace()
    {
        var run = await RunAsync(world.Portal.McpUri, world.EngineerToken(), List());

        var names = run.ToolNames(0);
        Assert.All(names, name => Assert.Contains(Namespaces, prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Contains("everything_get-sum", names);
        Assert.Contains("memory_read_graph", names);
        Assert.Contains("memory_create_entities", names);
        Assert.Contains("issues_get_issue", names);
        Assert.Contains("issues_create_issue", names);
        Assert.Contains("wiki_search_pages", names);
        Assert.Equal(names.Count, names.Distinct().Count());

        // The upstream's own definition reaches the client (the manifest pins it), under the portal's name.
        var sum = run.Tool(0, "everything_get-sum");
        Assert.Equal("Returns the sum of two numbers", (string?)sum["description"]);
        Assert.NotNull(sum["inputSchema"]?["properties"]?["a"]);
    }

    [Fact]
    public async Task A_read_tool_of_each_upstream_answers_through_the_portal()
    {
        var run = await RunAsync(
            world.Portal.McpUri,
            world.EmployeeToken(),
            Call("everything_get-sum", new { a = 2, b = 3 }),
            Call("memory_read_graph"),
            Call("issues_get_issue", new { issueKey = "PLAT-1" }),
            Call("wiki_search_pages", new { query = "a" }));

        for (var step = 0; step < 4; step++)
        {
            Assert.False(run.Failed(step), $"step {step} failed: {run.Step(step).ToJsonString()}");
        }

        Assert.Contains("5", run.Text(0), StringComparison.Ordinal);
        Assert.Contains("entities", run.Text(1), StringComparison.Ordinal);
        Assert.Contains("Rotate the signing keys", run.Text(2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_caller_s_token_never_reaches_an_upstream_only_the_portal_s_own_credential_does()
    {
        var token = world.EmployeeToken();

        var run = await RunAsync(world.Portal.McpUri, token, Call("issues_get_issue", new { issueKey = "PLAT-2" }));

        Assert.False(run.Failed(0), run.Step(0).ToJsonString());
        Assert.NotEmpty(world.Issues.BearerTokensSeen);
        Assert.DoesNotContain(token, world.Issues.BearerTokensSeen);
        Assert.DoesNotContain(world.Issues.BearerTokensSeen, seen => seen.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writes_are_denied_by_default_and_allowed_only_where_a_rule_grants_them()
    {
        var employee = await RunAsync(
            world.Portal.McpUri,
            world.EmployeeToken(),
            List(),
            Call("memory_create_entities", new { entities = new[] { new { name = "e2e", entityType = "test", observations = new[] { "denied" } } } }),
            Call("issues_create_issue", new { projectKey = "PLAT", summary = "should never be created" }));

        // Not offered to a reader, and refused when called anyway, whichever upstream the write belongs to.
        Assert.DoesNotContain("memory_create_entities", employee.ToolNames(0));
        Assert.DoesNotContain("issues_create_issue", employee.ToolNames(0));
        Assert.Contains("memory_read_graph", employee.ToolNames(0));
        Assert.True(employee.Failed(1), employee.Step(1).ToJsonString());
        Assert.Contains("denied", employee.Text(1), StringComparison.OrdinalIgnoreCase);
        Assert.True(employee.Failed(2), employee.Step(2).ToJsonString());
        Assert.Contains("denied", employee.Text(2), StringComparison.OrdinalIgnoreCase);

        var engineer = await RunAsync(
            world.Portal.McpUri,
            world.EngineerToken(),
            Call("issues_create_issue", new { projectKey = "PLAT", summary = "created through the portal" }));
        Assert.False(engineer.Failed(0), engineer.Step(0).ToJsonString());
        Assert.Contains("created through the portal", engineer.Text(0), StringComparison.Ordinal);
    }
}
