using McpPlatform.Fixtures.Rollback;
using McpPlatform.Fixtures.Snippets;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;
using static McpPlatform.Hosting.Tests.Rollback.RollbackServers;

namespace McpPlatform.Hosting.Tests.Rollback;

/// <summary>
/// Snippets and rollback, with the official MCP client on a real Kestrel server: the revertible calls a snippet makes
/// are part of the execution that ran it (from <c>execute</c>, or a direct <c>snippet_card_pair</c> call, which is an
/// execution of its own), so <c>rollback</c> undoes them with the rest, last first.
/// </summary>
public sealed class SnippetRollbackTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(new ServerSetup
    {
        ExtraTools = [.. SnippetsCatalog.Catalog.Tools, .. RollbackCatalog.Catalog.Tools],
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Rollback_of_an_execute_undoes_the_calls_of_the_snippet_it_ran_last_first_with_its_own()
    {
        var board = NewBoard();
        await using var client = await _server.ConnectCodeModeAsync();
        var executed = await client.ExecuteAsync($$"""
            async () => {
              const own = await codemode.create_card({ board: "{{board}}", title: "before the snippet" });
              const pair = await codemode.snippets.card_pair({ board: "{{board}}" });
              return [own.id, ...pair.result];
            }
            """);
        var ids = executed.Result().EnumerateArray().Select(e => e.GetString()!).ToArray();

        var rolledBack = await client.RollbackAsync(ExecutionId(executed));

        Assert.NotEqual(true, rolledBack.IsError);
        Assert.Equal(
            [$"created {ids[0]}", $"created {ids[1]}", $"created {ids[2]}", $"deleted {ids[2]}", $"deleted {ids[1]}", $"deleted {ids[0]}"],
            CardTools.HistoryOf(board));
        var steps = rolledBack.StructuredContent!.Value.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("tool").GetString(), s.GetProperty("state").GetString()));
        Assert.Equal([("create_card", "undone"), ("create_card", "undone"), ("create_card", "undone")], steps); // the snippet call itself is no step
    }

    [Fact]
    public async Task A_direct_snippet_call_is_an_execution_that_rollback_undoes()
    {
        var board = NewBoard();
        await using var client = await _server.ConnectClientAsync();
        var called = await client.CallToolAsync("snippet_card_pair", new Dictionary<string, object?> { ["board"] = board });
        Assert.NotEqual(true, called.IsError);
        var ids = called.StructuredContent!.Value.GetProperty("result").EnumerateArray().Select(e => e.GetString()!).ToArray();

        var rolledBack = await client.RollbackAsync(ExecutionId(called));

        Assert.NotEqual(true, rolledBack.IsError);
        Assert.Equal([$"created {ids[0]}", $"created {ids[1]}", $"deleted {ids[1]}", $"deleted {ids[0]}"], CardTools.HistoryOf(board));
    }
}
