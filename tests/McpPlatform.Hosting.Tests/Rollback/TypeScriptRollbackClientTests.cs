using McpPlatform.Fixtures.Rollback;
using McpPlatform.Hosting.Tests.CodeMode;

namespace McpPlatform.Hosting.Tests.Rollback;

/// <summary>
/// The official TypeScript SDK client runs an execute with revertible writes, reads the execution id from the result's
/// <c>_meta</c>, calls <c>rollback</c> and sees the undo: the cards are gone, and a second rollback finds nothing left.
/// </summary>
public sealed class TypeScriptRollbackClientTests(RollbackServerFixture fixture) : IClassFixture<RollbackServerFixture>
{
    [Fact]
    public async Task TypeScript_client_executes_revertible_writes_then_rolls_them_back()
    {
        var board = RollbackServers.NewBoard();
        var url = fixture.Server.CodeModeUri();

        var seen = await RollbackClients.RunTypeScriptAsync(url, url, board, fixture.Server.MintToken());

        Assert.Contains("rollback", seen["listed"]!.AsArray().Select(name => (string?)name));
        Assert.NotEqual(true, (bool?)seen["execute"]!["isError"]);
        var ids = seen["execute"]!["structuredContent"]!["result"]!.AsArray().Select(id => (string)id!).ToArray();
        Assert.StartsWith("exec_", (string?)seen["executionId"], StringComparison.Ordinal);
        Assert.NotEqual(true, (bool?)seen["rollback"]!["isError"]);
        Assert.Equal(["undone", "undone"], RollbackClients.States(seen["rollback"]));
        Assert.Equal([$"created {ids[0]}", $"created {ids[1]}", $"deleted {ids[1]}", $"deleted {ids[0]}"], CardTools.HistoryOf(board));
        RollbackClients.AssertListedNone(seen, ids); // the client lists the board: the cards are gone
        Assert.Empty(RollbackClients.States(seen["again"])); // nothing left to undo, nothing undone twice
    }
}
