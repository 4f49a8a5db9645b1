using System.Text.Json;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Authentication;

namespace McpPlatform.Templates.Tests;

/// <summary>
/// `dotnet run -- --urls http://127.0.0.1:PORT` in the scaffold, then the official TypeScript
/// SDK client (StreamableHTTPClientTransport) lists and calls its tools.
/// </summary>
[Collection(ScaffoldCollection.Name)]
public sealed class RunningScaffoldTests(ScaffoldFixture scaffold)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task TypeScript_client_lists_and_calls_the_tools()
    {
        var baseUrl = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}");
        var endpoint = new Uri(baseUrl, "/mcp").ToString();
        var keyFile = Path.Combine(scaffold.WorkRoot, "dev-issuer.json");
        var issuer = DevelopmentIssuer.LoadOrCreate(keyFile);
        var serverEnvironment = new Dictionary<string, string?>(scaffold.Environment) { [DevelopmentIssuer.KeyFileEnvironmentVariable] = keyFile };
        using var server = ChildProcess.Start(
            "dotnet", ["run", "--", "--urls", baseUrl.ToString().TrimEnd('/')], scaffold.ProjectDirectory, serverEnvironment);
        var notReady = await LoopbackServer.WaitUntilHealthyAsync(server, new Uri(baseUrl, "/healthz"), StartTimeout);
        Assert.True(notReady is null, $"The scaffolded server did not start: {notReady}\n{server.OutputTail()}");
        using (var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }))
        using (var ready = await http.GetAsync(new Uri(baseUrl, "/healthz/ready")))
        {
            // What the generated Kubernetes and Container Apps readiness probes ask: audit sink, identity, secret store.
            Assert.True(ready.IsSuccessStatusCode, $"The scaffolded server runs but is not ready: {await ready.Content.ReadAsStringAsync()}");
        }


        var client = await ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [Path.Combine(RepositoryLayout.NodeFolder, "scaffold-client.mjs"), endpoint],
            RepositoryLayout.NodeFolder,
            new Dictionary<string, string?>
            {
                ["MCP_TOKEN"] = issuer.MintToken(new("editor", endpoint) { Scopes = ["mcp:read", "mcp:write"], Groups = ["issue-editors"] }),
                ["MCP_READ_TOKEN"] = issuer.MintToken(new("reader", endpoint) { Scopes = ["mcp:read"] }),
            },
            TimeSpan.FromMinutes(1));
        client.EnsureSuccess();

        using var seen = JsonDocument.Parse(client.Output.Trim().Split('\n')[^1]);
        AssertWhatTheClientSaw(seen.RootElement);
    }

    private static void AssertWhatTheClientSaw(JsonElement seen)
    {
        var withoutToken = seen.GetProperty("withoutToken");
        Assert.Equal(401, withoutToken.GetProperty("status").GetInt32());
        Assert.Contains("resource_metadata=", withoutToken.GetProperty("wwwAuthenticate").GetString());

        Assert.Equal(["get_issue", "search_issues", "snippet_issue_digest"], seen.GetProperty("readerTools").EnumerateArray().Select(t => t.GetString()).Order());
        var readerWrite = seen.GetProperty("readerWrite");
        Assert.True(readerWrite.GetProperty("isError").GetBoolean());
        Assert.Contains("default-deny-writes", readerWrite.GetProperty("content")[0].GetProperty("text").GetString());

        Assert.Equal("Acme.Jira", seen.GetProperty("server").GetProperty("name").GetString());

        var tools = seen.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(["create_issue", "get_issue", "search_issues", "snippet_issue_digest"], tools.Keys.Order());
        Assert.True(tools["search_issues"].GetProperty("annotations").GetProperty("readOnlyHint").GetBoolean());
        Assert.False(tools["create_issue"].GetProperty("annotations").GetProperty("readOnlyHint").GetBoolean());
        Assert.Equal("title", tools["create_issue"].GetProperty("inputSchema").GetProperty("required")[0].GetString());

        var search = seen.GetProperty("search").GetProperty("structuredContent");
        Assert.Equal(1, search.GetProperty("total").GetInt32());
        Assert.Equal("High", search.GetProperty("issues")[0].GetProperty("priority").GetString());

        var created = seen.GetProperty("created").GetProperty("structuredContent");
        var fetched = seen.GetProperty("fetched").GetProperty("structuredContent");
        Assert.StartsWith("DEMO-", created.GetProperty("key").GetString());
        Assert.Equal(created.GetProperty("key").GetString(), fetched.GetProperty("key").GetString());
        Assert.Equal("Created by the TypeScript client", fetched.GetProperty("title").GetString());
        Assert.Equal("e2e", fetched.GetProperty("labels")[0].GetString());

        var badArgument = seen.GetProperty("badArgument");
        Assert.True(badArgument.GetProperty("isError").GetBoolean());
        var badText = badArgument.GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.Contains("limit", badText);
        Assert.Contains("integer", badText);
        Assert.DoesNotContain("ten", badText);

        var failure = seen.GetProperty("toolFailure");
        Assert.True(failure.GetProperty("isError").GetBoolean());
        var failureText = failure.GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.Contains("No issue has the key 'NOPE-404'", failureText);
        Assert.DoesNotContain("   at ", failureText);

        var unknown = seen.GetProperty("unknownTool");
        Assert.True(unknown.GetProperty("threw").GetBoolean());
        Assert.Contains("no_such_tool", unknown.GetProperty("message").GetString());
    }
}
