using System.Text.Json.Nodes;
using McpPlatform.Governance;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>The official TypeScript SDK client drives Code Mode over HTTP: list, search, execute (eng/node/codemode-client.mjs).</summary>
public sealed class TypeScriptCodeModeClientTests
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(McpSessionMode.Stateless)]
    [InlineData(McpSessionMode.Stateful)]
    public async Task TypeScript_client_lists_two_tools_then_searches_and_executes(McpSessionMode mode)
    {
        await using var server = await RunningServer.StartAsync(options => options.SessionMode = mode);

        var run = await ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [Path.Combine(RepositoryLayout.NodeFolder, "codemode-client.mjs"), server.CodeModeUri().AbsoluteUri],
            RepositoryLayout.NodeFolder,
            new Dictionary<string, string?> { ["MCP_TOKEN"] = server.MintToken() },
            ClientTimeout);

        run.EnsureSuccess();
        var seen = JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
        var tools = seen["tools"]!.AsArray();
        Assert.Equal(["execute", "search"], tools.Select(t => (string?)t!["name"]).Order(StringComparer.Ordinal));
        Assert.All(tools, t => Assert.Equal("string", (string?)t!["inputSchema"]!["properties"]!["code"]!["type"]));

        var search = seen["search"]!;
        Assert.NotEqual(true, (bool?)search["isError"]);
        var found = search["structuredContent"]!["result"]!.AsArray();
        Assert.Contains("get_ticket", found.Select(t => (string?)t!["name"]));
        Assert.Contains(found, t => (string?)t!["name"] == "open_ticket" && (string?)t["access"] == "write");
        Assert.All(found, t => Assert.Contains((string)t!["name"]!, (string?)t["typescript"]));

        var execute = seen["execute"]!;
        Assert.NotEqual(true, (bool?)execute["isError"]);
        Assert.Equal("Printer on fire & T-2", (string?)execute["structuredContent"]!["result"]!["echoed"]);
        Assert.Equal(["T-1", "T-2"], execute["structuredContent"]!["result"]!["keys"]!.AsArray().Select(k => (string?)k));
        Assert.Equal(["fetched T-1 T-2"], execute["structuredContent"]!["logs"]!.AsArray().Select(l => (string?)l));
    }
}
