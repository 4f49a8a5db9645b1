using static McpPlatform.Portal.Tests.EndToEnd.TypeScriptClient;

namespace McpPlatform.Portal.Tests.EndToEnd;

/// <summary>
/// Code Mode on the portal with the TypeScript client: two tools whatever the number of upstreams, <c>search</c> over
/// every upstream tool this caller may use, and <c>execute</c> chaining calls to several upstreams, each through the gate.
/// </summary>
[Collection(PortalWorldCollection.Name)]
public sealed class CodeModeAcrossUpstreamsTests(PortalWorld world)
{
    private Uri CodeModeUri => new(world.Portal.McpUri, "?codemode=search_and_execute");

    [Fact]
    public async Task Code_Mode_shows_exactly_search_and_execute()
    {
        var run = await RunAsync(CodeModeUri, world.EmployeeToken(), List());

        Assert.Equal(["execute", "search"], run.ToolNames(0).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_finds_tools_of_every_upstream_the_caller_may_use_and_no_write_tool_of_a_reader()
    {
        var run = await RunAsync(
            CodeModeUri,
            world.EmployeeToken(),
            Call("search", new { code = "async () => codemode.tools().map(t => t.realName ?? t.name)" }));

        Assert.False(run.Failed(0), run.Step(0).ToJsonString());
        var found = run.Text(0);
        Assert.Contains("everything_get-sum", found, StringComparison.Ordinal);
        Assert.Contains("memory_read_graph", found, StringComparison.Ordinal);
        Assert.Contains("issues_get_issue", found, StringComparison.Ordinal);
        Assert.Contains("wiki_get_page", found, StringComparison.Ordinal);
        Assert.DoesNotContain("issues_create_issue", found, StringComparison.Ordinal);
        Assert.DoesNotContain("memory_delete_entities", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_chains_calls_across_upstreams_and_a_write_inside_is_still_denied()
    {
        const string Code = """
            async () => {
              const issue = await codemode.issues_get_issue({ issueKey: "PLAT-1" });
              const sum = await codemode["everything_get-sum"]({ a: 40, b: 2 });
              const graph = await codemode.memory_read_graph({});
              let write;
              try { await codemode.issues_create_issue({ projectKey: "PLAT", summary: "from code mode" }); write = "allowed"; }
              catch (e) { write = e.message; }
              return { summary: issue.summary, sum: String(sum), graphType: typeof graph, write };
            }
            """;

        var run = await RunAsync(CodeModeUri, world.EmployeeToken(), Call("execute", new { code = Code }));

        Assert.False(run.Failed(0), run.Step(0).ToJsonString());
        var result = run.Result(0)["structuredContent"]?["result"]
            ?? throw new Xunit.Sdk.XunitException("execute returned no structured result: " + run.Step(0).ToJsonString());
        Assert.Equal("Rotate the signing keys every 90 days", (string?)result["summary"]);
        Assert.Contains("42", (string?)result["sum"], StringComparison.Ordinal);
        Assert.Contains("denied", (string?)result["write"], StringComparison.OrdinalIgnoreCase);
    }
}
