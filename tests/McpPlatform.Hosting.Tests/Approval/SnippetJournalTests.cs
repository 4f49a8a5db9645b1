using System.Text.Json.Nodes;
using McpPlatform.Fixtures.Rollback;
using McpPlatform.Governance.Audit;
using static McpPlatform.Hosting.Tests.Approval.JournaledSnippetServer;

namespace McpPlatform.Hosting.Tests.Approval;

/// <summary>
/// Snippets whose inner call needs approval on protocol 2026-07-28, over raw HTTP: called directly (<c>snippet_replace_card</c>)
/// or from <c>execute</c> (<c>codemode.snippets.replace_card</c>), the call stops at the Destructive delete, answers
/// input-required, and the retry replays the write before it from the journal (the card tools' history shows it ran once).
/// </summary>
public sealed class SnippetJournalTests : IAsyncLifetime
{
    private JournaledSnippetServer _server = null!;

    public async Task InitializeAsync() => _server = await JournaledSnippetServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_direct_snippet_call_accepted_runs_the_delete_and_replays_the_create_without_running_it_again()
    {
        var (board, old) = NewBoard();
        var arguments = new JsonObject { ["board"] = board, ["id"] = old, ["title"] = "new" };

        var (message, state) = Question(await CallAsync(_server.Plain, "snippet_replace_card", arguments));
        Assert.Contains("'delete_card' (Destructive)", message, StringComparison.Ordinal);
        Assert.Equal([$"created {old}", "created"], Shape(board));

        var done = await CallAsync(_server.Plain, "snippet_replace_card", arguments, state, "accept");

        Assert.NotEqual(true, (bool?)done["isError"]);
        var result = done["structuredContent"]!["result"]!.AsArray();
        Assert.Equal($"deleted {old}", (string?)result[1]);
        Assert.Equal([$"created {old}", "created", $"deleted {old}"], Shape(board));
        Assert.Equal([AuditOutcomes.ApprovalRequested, AuditOutcomes.Ok], await _server.OutcomesAsync("snippet_replace_card"));
        Assert.Equal([AuditOutcomes.ApprovalRequested, AuditOutcomes.Ok], await _server.OutcomesAsync("delete_card"));
        Assert.Contains(AuditOutcomes.Replayed, await _server.OutcomesAsync("create_card"));
    }

    [Fact]
    public async Task A_direct_snippet_call_declined_throws_a_catchable_error_in_the_script_and_repeats_nothing()
    {
        var (board, old) = NewBoard();
        var arguments = new JsonObject { ["board"] = board, ["id"] = old, ["title"] = "new" };
        var (_, state) = Question(await CallAsync(_server.Plain, "snippet_replace_card", arguments));

        var done = await CallAsync(_server.Plain, "snippet_replace_card", arguments, state, "decline");

        Assert.StartsWith("caught: Approval declined:", (string?)done["structuredContent"]!["result"]![1], StringComparison.Ordinal);
        Assert.Equal([$"created {old}", "created"], Shape(board));
        Assert.Equal([AuditOutcomes.ApprovalRequested, AuditOutcomes.ApprovalDeclined], await _server.OutcomesAsync("delete_card"));
    }

    [Fact]
    public async Task A_retry_with_other_arguments_is_invalid_params_and_runs_nothing()
    {
        var (board, old) = NewBoard();
        var (_, state) = Question(await CallAsync(_server.Plain, "snippet_replace_card", new JsonObject { ["board"] = board, ["id"] = old, ["title"] = "new" }));

        var moved = await _server.Plain.CallToolAsync("snippet_replace_card", new JsonObject { ["board"] = board, ["id"] = old, ["title"] = "other" }, null, state);

        Assert.Equal(-32602, (int?)moved["error"]!["code"]);
        Assert.Equal([$"created {old}", "created"], Shape(board));
    }

    [Fact]
    public async Task A_snippet_called_from_execute_journals_its_calls_in_the_execution_and_the_retry_runs_each_once()
    {
        var (board, old) = NewBoard();
        var code = $$"""
            async () => {
              const before = await codemode.list_cards({ board: "{{board}}" });
              const replaced = await codemode.snippets.replace_card({ board: "{{board}}", id: "{{old}}", title: "new" });
              return [typeof before, replaced.result[1]];
            }
            """;

        var (message, state) = Question(await CallAsync(_server.CodeMode, "execute", new JsonObject { ["code"] = code }));
        Assert.Contains("'delete_card' (Destructive)", message, StringComparison.Ordinal);
        Assert.Equal([$"created {old}", "created"], Shape(board));

        var done = await CallAsync(_server.CodeMode, "execute", new JsonObject { ["code"] = code }, state, "accept");

        Assert.NotEqual(true, (bool?)done["isError"]);
        Assert.Equal($"""["string","deleted {old}"]""", done["structuredContent"]!["result"]!.ToJsonString());
        Assert.Equal([$"created {old}", "created", $"deleted {old}"], Shape(board));
        Assert.Equal([AuditOutcomes.ApprovalRequested, AuditOutcomes.Ok], await _server.OutcomesAsync("delete_card"));
        Assert.Equal([AuditOutcomes.Ok, AuditOutcomes.Replayed], await _server.OutcomesAsync("list_cards"));
    }

    [Fact]
    public async Task Calls_replayed_on_the_retry_and_a_snippets_calls_stay_in_the_executions_rollback_record()
    {
        var (board, old) = NewBoard();
        var code = $$"""
            async () => {
              const pair = await codemode.snippets.card_pair({ board: "{{board}}" });
              return [...pair.result, await codemode.delete_card({ board: "{{board}}", id: "{{old}}" })];
            }
            """;
        var (_, state) = Question(await CallAsync(_server.CodeMode, "execute", new JsonObject { ["code"] = code }));
        var done = await CallAsync(_server.CodeMode, "execute", new JsonObject { ["code"] = code }, state, "accept");
        Assert.Equal(2, CardTools.HistoryOf(board).Count(h => h.StartsWith("created C-", StringComparison.Ordinal)) - 1); // the old card + the pair, once

        // A client that cannot be asked: the first inverse (a Destructive delete_card) is refused, the report lists every recorded call.
        var report = (await _server.CodeMode.CallToolAsync("rollback", new JsonObject { ["executionId"] = (string)done["_meta"]!["mcpplatform/executionId"]! }))["result"]!;

        var steps = report["structuredContent"]!["steps"]!.AsArray().Select(s => ((string?)s!["tool"], (string?)s["state"]));
        Assert.Equal([("delete_card", "not_revertible"), ("create_card", "failed"), ("create_card", "not_attempted")], steps);
    }

    // A board of the test's own with one card on it (made in process, not through the server).
    private static (string Board, string CardId) NewBoard()
    {
        var board = "board-" + Guid.NewGuid().ToString("N")[..12];
        return (board, CardTools.CreateCard(board, "old").Id);
    }

    // The board's history with new card ids cut off ("created C-7" of a card the test did not make is "created").
    private static string[] Shape(string board)
    {
        var history = CardTools.HistoryOf(board);
        var first = history[0];
        return [.. history.Select(h => h == first || h.StartsWith("deleted", StringComparison.Ordinal) ? h : h.Split(' ')[0])];
    }
}
