using System.Text.Json;
using McpPlatform.Fixtures.Rollback;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static McpPlatform.Hosting.Tests.Rollback.RollbackServers;

namespace McpPlatform.Hosting.Tests.Rollback;

/// <summary>
/// <c>rollback</c> on a real Kestrel server with the official MCP client: an execution's Write and Destructive calls are
/// undone last first by their inverses, through the gate; it stops at the first failure and says what was and was not undone.
/// </summary>
public sealed class RollbackTests(RollbackServerFixture fixture) : IClassFixture<RollbackServerFixture>
{
    [Fact]
    public async Task Rollback_of_an_execute_deletes_the_two_created_cards_in_reverse_order()
    {
        var board = NewBoard();
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var executed = await client.ExecuteAsync($$"""
            async () => {
              const a = await codemode.create_card({ board: "{{board}}", title: "first" });
              const b = await codemode.create_card({ board: "{{board}}", title: "second" });
              return [a.id, b.id];
            }
            """);
        var ids = executed.Result().EnumerateArray().Select(e => e.GetString()!).ToArray();
        var rolledBack = await client.RollbackAsync(ExecutionId(executed));

        Assert.NotEqual(true, rolledBack.IsError);
        Assert.Equal([$"created {ids[0]}", $"created {ids[1]}", $"deleted {ids[1]}", $"deleted {ids[0]}"], CardTools.HistoryOf(board));
        var steps = rolledBack.StructuredContent!.Value.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(["undone", "undone"], steps.Select(s => s.GetProperty("state").GetString()));
        Assert.All(steps, s => Assert.Equal("delete_card", s.GetProperty("inverse").GetString()));
        Assert.True(rolledBack.StructuredContent.Value.GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task A_failing_inverse_stops_the_rollback_and_the_report_says_what_was_and_was_not_undone()
    {
        var board = NewBoard();
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var executed = await client.ExecuteAsync($$"""
            async () => {
              const a = await codemode.create_card({ board: "{{board}}", title: "kept" });
              await codemode.pin_card({ board: "{{board}}", id: a.id });
              const b = await codemode.create_card({ board: "{{board}}", title: "removed" });
              return [a.id, b.id];
            }
            """);
        var ids = executed.Result().EnumerateArray().Select(e => e.GetString()!).ToArray();
        var rolledBack = await client.RollbackAsync(ExecutionId(executed));

        Assert.True(rolledBack.IsError);
        Assert.Equal([$"created {ids[0]}", $"pinned {ids[0]}", $"created {ids[1]}", $"deleted {ids[1]}"], CardTools.HistoryOf(board));
        var steps = rolledBack.StructuredContent!.Value.GetProperty("steps").EnumerateArray()
            .Select(s => (s.GetProperty("tool").GetString(), s.GetProperty("state").GetString())).ToArray();
        Assert.Equal([("create_card", "undone"), ("pin_card", "failed"), ("create_card", "not_attempted")], steps);
        var text = CodeModeClients.Text(rolledBack);
        Assert.Contains("stopped at the first failure", text, StringComparison.Ordinal);
        Assert.Contains("- FAILED: pin_card (by unpin_card): ", text, StringComparison.Ordinal); // the tool's error text, as a direct call gets it
        Assert.Contains("not undone: create_card", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_without_an_inverse_are_listed_as_not_revertible_and_the_rest_is_undone()
    {
        var board = NewBoard();
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var executed = await client.ExecuteAsync($$"""
            async () => {
              const a = await codemode.create_card({ board: "{{board}}", title: "t" });
              await codemode.archive_board({ board: "{{board}}" });
              await codemode.list_cards({ board: "{{board}}" });
              return a.id;
            }
            """);
        var rolledBack = await client.RollbackAsync(ExecutionId(executed));

        Assert.NotEqual(true, rolledBack.IsError);
        var steps = rolledBack.StructuredContent!.Value.GetProperty("steps").EnumerateArray()
            .Select(s => (s.GetProperty("tool").GetString(), s.GetProperty("state").GetString())).ToArray();
        Assert.Equal([("archive_board", "not_revertible"), ("create_card", "undone")], steps); // the Read call is not recorded
        Assert.Contains("not revertible: archive_board: archive_board declares no inverse", CodeModeClients.Text(rolledBack), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direct_call_of_a_revertible_tool_returns_an_execution_id_that_rollback_undoes()
    {
        var board = NewBoard();
        await using var client = await fixture.Server.ConnectClientAsync();

        var tools = await client.ListToolsAsync();
        var created = await client.CallToolAsync("create_card", new Dictionary<string, object?> { ["board"] = board, ["title"] = "direct" });
        var id = created.StructuredContent!.Value.GetProperty("id").GetString();
        var rolledBack = await client.RollbackAsync(ExecutionId(created));
        var again = await client.RollbackAsync(ExecutionId(created));

        Assert.Contains(tools, t => t.Name == "rollback" && t.ProtocolTool.Annotations?.DestructiveHint == true);
        Assert.NotEqual(true, rolledBack.IsError);
        Assert.Equal([$"created {id}", $"deleted {id}"], CardTools.HistoryOf(board));
        // Undone calls leave the execution: a second rollback has nothing left to undo and deletes nothing twice.
        Assert.NotEqual(true, again.IsError);
        Assert.Empty(again.StructuredContent!.Value.GetProperty("steps").EnumerateArray());
        Assert.Equal([$"created {id}", $"deleted {id}"], CardTools.HistoryOf(board));
    }

    [Fact]
    public async Task Code_mode_lists_rollback_beside_search_and_execute_and_read_only_direct_calls_carry_no_execution_id()
    {
        await using var codeMode = await fixture.Server.ConnectCodeModeAsync();
        await using var direct = await fixture.Server.ConnectClientAsync();

        var names = (await codeMode.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal);
        var listed = await direct.CallToolAsync("list_cards", new Dictionary<string, object?> { ["board"] = NewBoard() });
        var searched = await codeMode.SearchAsync("async () => 1");

        Assert.Equal(["execute", "rollback", "search"], names);
        Assert.False(listed.Meta?.ContainsKey("mcpplatform/executionId") ?? false);
        Assert.False(searched.Meta?.ContainsKey("mcpplatform/executionId") ?? false);
    }

    [Fact]
    public async Task Another_caller_cannot_roll_back_an_execution_and_learns_only_that_it_is_unknown()
    {
        var board = NewBoard();
        await using var owner = await fixture.Server.ConnectCodeModeAsync();
        await using var other = await fixture.Server.ConnectCodeModeAsync(caller: TestCaller.Default with { Subject = "someone-else" });

        var executed = await owner.ExecuteAsync($$"""async () => (await codemode.create_card({ board: "{{board}}", title: "mine" })).id""");
        var refused = await other.RollbackAsync(ExecutionId(executed));
        var unknown = await owner.RollbackAsync("exec_doesnotexist");

        Assert.True(refused.IsError);
        Assert.StartsWith("Unknown execution", CodeModeClients.Text(refused), StringComparison.Ordinal);
        Assert.StartsWith("Unknown execution 'exec_doesnotexist'", CodeModeClients.Text(unknown), StringComparison.Ordinal);
        Assert.Single(CardTools.HistoryOf(board)); // only the creation
    }
}
