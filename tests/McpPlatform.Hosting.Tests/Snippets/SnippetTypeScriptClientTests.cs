using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Snippets;

/// <summary>
/// The official TypeScript SDK client lists and calls snippets (node/snippets-client.mjs): <c>snippet_notes_digest</c> in the
/// plain list with its doc comment's schema and class, a call chaining two read tools, bad arguments refused with a
/// readable tool error, and <c>codemode.snippets.notes_digest(args)</c> from <c>execute</c>, found by <c>search</c>
/// while the Code Mode surface stays the two tools.
/// </summary>
public sealed class SnippetTypeScriptClientTests
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TypeScript_client_lists_calls_and_runs_snippets_from_execute()
    {
        await using var server = await RunningServer.StartAsync(SnippetServers.Setup());
        var run = await ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [Path.Combine(AppContext.BaseDirectory, "node", "snippets-client.mjs"), server.McpUri.AbsoluteUri, server.CodeModeUri().AbsoluteUri],
            AppContext.BaseDirectory,
            new Dictionary<string, string?>
            {
                ["MCP_SDK_DIR"] = Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "sdk"),
                ["MCP_TOKEN"] = server.MintToken(),
            },
            ClientTimeout);

        run.EnsureSuccess();
        var seen = JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
        var tools = seen["tools"]!.AsArray();
        Assert.Equal(["snippet_card_pair", "snippet_mark_reviewed", "snippet_notes_digest", "snippet_replace_card"], tools.Select(t => (string?)t!["name"]).Order(StringComparer.Ordinal));
        var digestTool = tools.Single(t => (string?)t!["name"] == "snippet_notes_digest")!;
        Assert.StartsWith("The texts of the notes that carry a tag", (string?)digestTool["description"]);
        Assert.True((bool?)digestTool["readOnly"]);
        Assert.Equal(["tag"], digestTool["inputSchema"]!["required"]!.AsArray().Select(r => (string?)r));

        var digest = seen["digest"]!;
        Assert.True((bool?)digest["isError"] != true, digest.ToJsonString());
        var result = digest["structuredContent"]!["result"]!;
        Assert.Equal(2, (int?)result["count"]);
        Assert.Equal(["Ship the snippets lane", "Review the manifest diff"], result["texts"]!.AsArray().Select(t => (string?)t));

        var bad = seen["badArguments"]!;
        Assert.True((bool?)bad["isError"]);
        var badText = (string?)bad["content"]![0]!["text"];
        Assert.Contains("Invalid arguments for snippet_notes_digest", badText);
        Assert.Contains("$.tag: expected string, got a number.", badText);
        Assert.Contains("$.extra: is not an argument here (additionalProperties is false).", badText);

        Assert.Equal(["execute", "search"], seen["surface"]!.AsArray().Select(n => (string?)n).Order(StringComparer.Ordinal));
        var executed = seen["executed"]!;
        Assert.True((bool?)executed["isError"] != true, executed.ToJsonString());
        Assert.Equal(["Buy oat milk"], executed["structuredContent"]!["result"]!["d"]!["result"]!["texts"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("undefined", (string?)executed["structuredContent"]!["result"]!["missing"]);
        Assert.Contains("snippet_notes_digest", seen["searched"]!["structuredContent"]!["result"]!.AsArray().Select(n => (string?)n));
    }
}
