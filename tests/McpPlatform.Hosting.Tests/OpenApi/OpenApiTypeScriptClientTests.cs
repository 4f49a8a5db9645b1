using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>The official TypeScript SDK client calls OpenAPI operations end to end (client → server → loopback API).</summary>
public sealed class OpenApiTypeScriptClientTests
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TypeScript_client_lists_and_calls_operations_with_structured_results()
    {
        await using var api = await LoopbackApi.StartAsync();
        await using var server = await OpenApiServer.StartAsync(api);
        var script = Path.Combine(AppContext.BaseDirectory, "node", "openapi-client.mjs");

        var run = await ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [script, server.McpUri.AbsoluteUri],
            AppContext.BaseDirectory,
            new Dictionary<string, string?>
            {
                ["MCP_SDK_DIR"] = Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "sdk"),
                ["NODE_PATH"] = RepositoryLayout.NodeModules,
                ["MCP_TOKEN"] = server.MintToken(),
            },
            ClientTimeout);

        run.EnsureSuccess();
        var seen = JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
        var tools = seen["tools"]!.AsArray();
        var getItem = tools.Single(t => (string?)t!["name"] == "inv_get_item")!;
        Assert.True((bool?)getItem["hasOutputSchema"]);
        Assert.True((bool?)getItem["readOnly"]);
        Assert.Equal(false, (bool?)tools.Single(t => (string?)t!["name"] == "inv_create_item")!["readOnly"]);

        Assert.NotEqual(true, (bool?)seen["created"]!["isError"]);
        Assert.Contains("from TypeScript", (string?)seen["created"]!["structuredContent"]!["body"]);
        Assert.Equal("/api/items/ts%201?tag=x&tag=y", (string?)seen["item"]!["structuredContent"]!["rawTarget"]);
        Assert.True((bool?)seen["failed"]!["isError"]);
        Assert.Contains("HTTP 418", (string?)seen["failed"]!["content"]![0]!["text"]);
        Assert.Contains(api.Requests, r => r == "POST /api/items");
    }
}
