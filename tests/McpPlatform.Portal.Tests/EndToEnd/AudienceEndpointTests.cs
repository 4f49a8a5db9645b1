using System.Net;
using System.Text.Json.Nodes;
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

    [Fact]
    public async Task Audience_endpoint_has_its_own_resource_metadata_challenge_and_audience()
    {
        using var http = new HttpClient();

        using var metadata = await http.GetAsync(new Uri(world.Portal.BaseUri, "/.well-known/oauth-protected-resource/finance/mcp"));
        using var challenged = await http.PostAsync(world.FinanceUri, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Equal(world.FinanceUri.AbsoluteUri, (string?)JsonNode.Parse(await metadata.Content.ReadAsStringAsync())!["resource"]);
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        Assert.Contains(
            $"resource_metadata=\"{new Uri(world.Portal.BaseUri, "/.well-known/oauth-protected-resource/finance/mcp").AbsoluteUri}\"",
            string.Join(", ", challenged.Headers.WwwAuthenticate.Select(h => h.ToString())), StringComparison.Ordinal);

        // A token for the finance URL works there (a client that followed that metadata asked for it), not on the main endpoint.
        var financeOnly = world.FinanceToken(world.FinanceUri);
        var there = await RunAsync(world.FinanceUri, financeOnly, List());
        Assert.Contains("issues_get_issue", there.ToolNames(0));
        using var main = new HttpRequestMessage(HttpMethod.Post, world.Portal.McpUri)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        main.Headers.Authorization = new("Bearer", financeOnly);
        main.Headers.Accept.ParseAdd("application/json, text/event-stream");
        using var refused = await http.SendAsync(main);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
