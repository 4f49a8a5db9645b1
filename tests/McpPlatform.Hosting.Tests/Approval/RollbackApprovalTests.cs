using System.Text.Json.Nodes;
using McpPlatform.Fixtures.Rollback;
using McpPlatform.Governance.Audit;
using static McpPlatform.Hosting.Tests.Approval.JournaledSnippetServer;

namespace McpPlatform.Hosting.Tests.Approval;

/// <summary>
/// <c>rollback</c> on protocol 2026-07-28, over raw HTTP, where the inverse <c>delete_card</c> is Destructive and asks:
/// each inverse that asks ends the rollback with input-required, what was undone before it is kept as undone, and the
/// retry with the answer goes on from there (the card tools' history shows every card deleted exactly once).
/// </summary>
public sealed class RollbackApprovalTests : IAsyncLifetime
{
    private JournaledSnippetServer _server = null!;

    public async Task InitializeAsync() => _server = await JournaledSnippetServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Each_inverse_that_needs_approval_asks_in_turn_and_nothing_is_undone_twice()
    {
        var board = "board-" + Guid.NewGuid().ToString("N")[..12];
        var executed = await CallAsync(_server.CodeMode, "execute", new JsonObject
        {
            ["code"] = $$"""async () => [(await codemode.create_card({ board: "{{board}}", title: "a" })).id, (await codemode.create_card({ board: "{{board}}", title: "b" })).id]""",
        });
        var ids = executed["structuredContent"]!["result"]!.AsArray().Select(n => (string)n!).ToArray();
        var executionId = new JsonObject { ["executionId"] = (string)executed["_meta"]!["mcpplatform/executionId"]! };

        var (first, firstState) = Question(await CallAsync(_server.CodeMode, "rollback", executionId));
        Assert.Contains(ids[1], first, StringComparison.Ordinal); // last first
        var (second, secondState) = Question(await CallAsync(_server.CodeMode, "rollback", executionId, firstState, "accept"));
        Assert.Contains(ids[0], second, StringComparison.Ordinal);
        Assert.Equal([$"created {ids[0]}", $"created {ids[1]}", $"deleted {ids[1]}"], CardTools.HistoryOf(board));

        var done = await CallAsync(_server.CodeMode, "rollback", executionId, secondState, "accept");

        Assert.NotEqual(true, (bool?)done["isError"]);
        Assert.Equal(["undone"], done["structuredContent"]!["steps"]!.AsArray().Select(s => (string?)s!["state"]));
        Assert.Equal([$"created {ids[0]}", $"created {ids[1]}", $"deleted {ids[1]}", $"deleted {ids[0]}"], CardTools.HistoryOf(board));
        Assert.Equal(
            [AuditOutcomes.ApprovalRequested, AuditOutcomes.ApprovalRequested, AuditOutcomes.Ok],
            await _server.OutcomesAsync("rollback"));
        var again = await CallAsync(_server.CodeMode, "rollback", executionId);
        Assert.Empty(again["structuredContent"]!["steps"]!.AsArray());
    }

    [Fact]
    public async Task A_declined_inverse_fails_its_step_and_the_rollback_reports_it()
    {
        var board = "board-" + Guid.NewGuid().ToString("N")[..12];
        var created = await CallAsync(_server.Plain, "create_card", new JsonObject { ["board"] = board, ["title"] = "kept" });
        var executionId = new JsonObject { ["executionId"] = (string)created["_meta"]!["mcpplatform/executionId"]! };
        var (_, state) = Question(await CallAsync(_server.Plain, "rollback", executionId));

        var declined = await CallAsync(_server.Plain, "rollback", executionId, state, "decline");

        Assert.Equal(true, (bool?)declined["isError"]);
        var step = declined["structuredContent"]!["steps"]![0]!;
        Assert.Equal("failed", (string?)step["state"]);
        Assert.Contains("declined", (string?)step["detail"], StringComparison.OrdinalIgnoreCase);
        Assert.Single(CardTools.HistoryOf(board)); // created only
    }

    [Fact]
    public async Task A_client_without_elicitation_is_refused_clearly_and_nothing_is_undone()
    {
        var board = "board-" + Guid.NewGuid().ToString("N")[..12];
        var created = await CallAsync(_server.Plain, "create_card", new JsonObject { ["board"] = board, ["title"] = "kept" });

        var response = await _server.Plain.CallToolAsync("rollback", new JsonObject { ["executionId"] = (string)created["_meta"]!["mcpplatform/executionId"]! });

        var result = response["result"]!;
        Assert.Equal(true, (bool?)result["isError"]);
        Assert.Contains("elicitation", (string?)result["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.Single(CardTools.HistoryOf(board));
    }
}
