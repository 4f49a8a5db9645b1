using System.Text.Json.Nodes;
using McpPlatform.Governance;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Clients;

/// <summary>The official TypeScript SDK client against a server with OAuth on (Node from eng/node).</summary>
public sealed class TypeScriptClientTests
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TypeScript_client_with_a_bearer_token_completes_a_session()
    {
        await using var server = await RunningServer.StartAsync(options => options.SessionMode = McpSessionMode.Stateful);
        var script = Path.Combine(AppContext.BaseDirectory, "node", "bearer-client.mjs");

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
        Assert.Equal(false, (bool?)seen["unauthenticated"]!["connected"]);
        Assert.False(string.IsNullOrEmpty((string?)seen["sessionId"]));
        Assert.Contains("whoami", seen["tools"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(TestCaller.Default.Subject, (string?)seen["whoami"]!["structuredContent"]!["subject"]);
        Assert.NotEqual(true, (bool?)seen["echo"]!["isError"]);
        Assert.Equal("from TypeScript", (string?)seen["echo"]!["content"]![0]!["text"]);
    }
}
