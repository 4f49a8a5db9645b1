using System.Text.Json.Nodes;

namespace McpPlatform.Hosting.Tests.Rollback;

/// <summary>Runs eng/node/rollback-client.mjs (the official TypeScript SDK client): execute, rollback, rollback again, list.</summary>
internal static class RollbackClients
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(90);

    /// <summary>What the client saw: execute on <paramref name="executeUrl"/>, then rollback and list on <paramref name="rollbackUrl"/>.</summary>
    public static async Task<JsonNode> RunTypeScriptAsync(Uri executeUrl, Uri rollbackUrl, string board, string token, string? rollbackToken = null)
    {
        var run = await ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [Path.Combine(RepositoryLayout.NodeFolder, "rollback-client.mjs"), executeUrl.AbsoluteUri, rollbackUrl.AbsoluteUri, board],
            RepositoryLayout.NodeFolder,
            new Dictionary<string, string?> { ["MCP_TOKEN"] = token, ["MCP_ROLLBACK_TOKEN"] = rollbackToken ?? token },
            ClientTimeout);
        run.EnsureSuccess();
        return JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
    }

    /// <summary>Asserts the client's list of the board after the rollback ran and shows none of <paramref name="ids"/>.</summary>
    public static void AssertListedNone(JsonNode seen, IEnumerable<string> ids)
    {
        var after = seen["after"]!;
        Assert.True((bool?)after["isError"] != true, after.ToJsonString());
        var listed = after["structuredContent"]!["result"]!.ToJsonString();
        Assert.All(ids, id => Assert.DoesNotContain($"\"{id}\"", listed, StringComparison.Ordinal));
    }

    /// <summary>The states of a rollback result's steps, in order.</summary>
    public static string?[] States(JsonNode? rollback) =>
        [.. rollback!["structuredContent"]!["steps"]!.AsArray().Select(step => (string?)step!["state"])];
}
