using System.Text.Json.Nodes;
using McpPlatform.Fixtures.Rollback;
using McpPlatform.Governance.Audit;
using static McpPlatform.Hosting.Tests.Approval.JournaledSnippetServer;

namespace McpPlatform.Hosting.Tests.Approval;

/// <summary>
/// A snippet an approval rule covers itself, whose inner call also needs approval, on protocol 2026-07-28 over raw HTTP:
/// three rounds (the snippet asked, then its Destructive delete asked, then the answer), the snippet approved once, its
/// earlier create run once, and a replayed last state refused.
/// </summary>
public sealed class OuterApprovalJournalTests : IAsyncLifetime
{
    private JournaledSnippetServer _server = null!;

    public async Task InitializeAsync() => _server = await JournaledSnippetServer.StartAsync(new Dictionary<string, string?>
    {
        ["McpPlatform:Approval:Rules:0:Name"] = "reviewed-replacements",
        ["McpPlatform:Approval:Rules:0:Tools:0"] = "snippet_replace_card",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_snippet_that_needs_approval_and_whose_inner_call_does_finishes_in_three_rounds_and_is_not_asked_twice()
    {
        var board = "board-" + Guid.NewGuid().ToString("N")[..12];
        var old = CardTools.CreateCard(board, "old").Id;
        var arguments = new JsonObject { ["board"] = board, ["id"] = old, ["title"] = "new" };

        var (first, snippetState) = Question(await CallAsync(_server.Plain, "snippet_replace_card", arguments));
        Assert.Contains("'snippet_replace_card'", first, StringComparison.Ordinal);
        Assert.Single(CardTools.HistoryOf(board)); // nothing ran before the snippet was approved

        var (second, deleteState) = Question(await CallAsync(_server.Plain, "snippet_replace_card", arguments, snippetState, "accept"));
        Assert.Contains("'delete_card' (Destructive)", second, StringComparison.Ordinal);
        Assert.Equal(2, CardTools.HistoryOf(board).Count); // the create ran once

        var done = await CallAsync(_server.Plain, "snippet_replace_card", arguments, deleteState, "accept");

        Assert.NotEqual(true, (bool?)done["isError"]);
        Assert.Equal($"deleted {old}", (string?)done["structuredContent"]!["result"]![1]);
        var history = CardTools.HistoryOf(board);
        Assert.Equal(3, history.Count); // old card created, new created once (replayed on the last round), old deleted
        Assert.Equal($"deleted {old}", history[^1]);
        Assert.Equal([AuditOutcomes.ApprovalRequested, AuditOutcomes.ApprovalRequested, AuditOutcomes.Ok], await _server.OutcomesAsync("snippet_replace_card"));
        Assert.Contains(AuditOutcomes.Replayed, await _server.OutcomesAsync("create_card"));

        // The last state again: the snippet passes (its approval rides in the state) but the journal is gone, nothing runs.
        var replayed = await _server.Plain.CallToolAsync("snippet_replace_card", (JsonObject)arguments.DeepClone(), Elicitation, deleteState);
        Assert.True(replayed["error"] is not null || (bool?)replayed["result"]!["isError"] == true, "a replayed state must not run: " + replayed.ToJsonString());
        Assert.Equal(3, CardTools.HistoryOf(board).Count);
    }
}
