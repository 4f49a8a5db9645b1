using System.Text.Json.Nodes;
using McpPlatform.Governance;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Hosting.Tests.Approval;

/// <summary>
/// Code Mode inner calls that need approval on protocol 2026-07-28, over raw HTTP against Kestrel on 127.0.0.1: the
/// execute stops at the call, answers input-required, and the retry replays the journal of the calls before it
/// (counted by the tools themselves: a replayed call does not run again).
/// </summary>
public sealed class CodeModeJournalTests : IAsyncLifetime
{
    private const string WriteThenDelete = """
        async () => {
          const opened = await codemode.open_ticket({ ticket: { title: 'before the question', priority: 'Low' } });
          try { return [opened.key, await codemode.delete_ticket({ key: 'T-1' })]; }
          catch (e) { return [opened.key, 'caught: ' + e.message]; }
        }
        """;

    private static readonly JsonObject Elicitation = new() { ["elicitation"] = new JsonObject { ["form"] = new JsonObject() } };

    private readonly AuditFolder _audit = new();
    private RunningServer _server = null!;
    private July2026Client _client = null!;

    private ToolInvocations Runs => _server.Services.GetRequiredService<ToolInvocations>();

    public async Task InitializeAsync()
    {
        _server = await ApprovalServer.StartAsync(_audit, McpSessionMode.Stateless);
        _client = new July2026Client(_server.CodeModeUri(), _server.MintToken());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _audit.Dispose();
    }

    [Fact]
    public async Task An_accepted_round_trip_runs_the_approved_call_and_replays_the_write_before_it_without_running_it_again()
    {
        var asked = Result(await ExecuteAsync(WriteThenDelete));
        Assert.Equal("input_required", (string?)asked["resultType"]);
        Assert.Contains("'delete_ticket' (Destructive)", (string?)asked["inputRequests"]!["mcpplatform_approval"]!["params"]!["message"], StringComparison.Ordinal);
        Assert.Equal((1, 0), (Runs.Count("open_ticket"), Runs.Count("delete_ticket:T-1")));

        var done = Result(await ExecuteAsync(WriteThenDelete, (string)asked["requestState"]!, "accept"));

        Assert.NotEqual(true, (bool?)done["isError"]);
        Assert.Equal("""["T-100","deleted T-1"]""", done["structuredContent"]!["result"]!.ToJsonString());
        Assert.Equal((1, 1), (Runs.Count("open_ticket"), Runs.Count("delete_ticket:T-1")));
        var trail = await TrailAsync();
        Assert.Equal([AuditOutcomes.Ok, AuditOutcomes.Replayed], Outcomes(trail, "open_ticket"));
        Assert.Equal([AuditOutcomes.ApprovalRequested, AuditOutcomes.Ok], Outcomes(trail, "delete_ticket"));
        Assert.Equal("approved", Records(trail, "delete_ticket")[^1].String(AuditFields.Approval));
        Assert.Equal([AuditOutcomes.ApprovalRequested, AuditOutcomes.Ok], trail.Requests.Where(r => r.Tool == "execute").OrderBy(r => r.Seq).Select(r => r.Outcome));
    }

    [Fact]
    public async Task A_declined_call_throws_a_catchable_error_and_the_write_before_it_is_not_repeated()
    {
        var state = (string)Result(await ExecuteAsync(WriteThenDelete))["requestState"]!;

        var done = Result(await ExecuteAsync(WriteThenDelete, state, "decline"));

        var result = done["structuredContent"]!["result"]!.AsArray();
        Assert.StartsWith("caught: Approval declined:", (string?)result[1], StringComparison.Ordinal);
        Assert.Equal((1, 0), (Runs.Count("open_ticket"), Runs.Count("delete_ticket:T-1")));
        Assert.Equal([AuditOutcomes.ApprovalRequested, AuditOutcomes.ApprovalDeclined], Outcomes(await TrailAsync(), "delete_ticket"));
    }

    [Fact]
    public async Task A_second_call_that_needs_approval_asks_again_with_a_longer_journal()
    {
        const string TwoDeletes = """
            async () => {
              await codemode.open_ticket({ ticket: { title: 'first', priority: 'Low' } });
              const a = await codemode.delete_ticket({ key: 'T-1' });
              const b = await codemode.delete_ticket({ key: 'T-2' });
              return [a, b];
            }
            """;
        var first = Result(await ExecuteAsync(TwoDeletes));
        var second = Result(await ExecuteAsync(TwoDeletes, (string)first["requestState"]!, "accept"));
        Assert.Equal("input_required", (string?)second["resultType"]);
        Assert.Contains("\"T-2\"", (string?)second["inputRequests"]!["mcpplatform_approval"]!["params"]!["message"], StringComparison.Ordinal);

        var done = Result(await ExecuteAsync(TwoDeletes, (string)second["requestState"]!, "accept"));

        Assert.Equal("""["deleted T-1","deleted T-2"]""", done["structuredContent"]!["result"]!.ToJsonString());
        Assert.Equal((1, 1, 1), (Runs.Count("open_ticket"), Runs.Count("delete_ticket:T-1"), Runs.Count("delete_ticket:T-2")));
        Assert.Equal([AuditOutcomes.Ok, AuditOutcomes.Replayed, AuditOutcomes.Replayed], Outcomes(await TrailAsync(), "open_ticket"));
    }

    [Fact]
    public async Task A_script_that_diverges_from_its_journal_is_refused_and_runs_nothing_more()
    {
        const string Random = """
            async () => {
              await codemode.open_ticket({ ticket: { title: 'draw ' + Math.random(), priority: 'Low' } });
              return await codemode.delete_ticket({ key: 'T-1' });
            }
            """;
        var state = (string)Result(await ExecuteAsync(Random))["requestState"]!;

        var refused = Result(await ExecuteAsync(Random, state, "accept"));

        Assert.Equal(true, (bool?)refused["isError"]);
        Assert.Contains("diverged from its journal: call #1 was open_ticket", (string?)refused["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.Equal((1, 0), (Runs.Count("open_ticket"), Runs.Count("delete_ticket:T-1")));
    }

    [Fact]
    public async Task A_forged_replayed_or_moved_state_is_invalid_params()
    {
        var state = (string)Result(await ExecuteAsync(WriteThenDelete))["requestState"]!;

        var forged = await ExecuteAsync(WriteThenDelete, state[..^4] + "AAAA", "accept");
        var otherScript = await ExecuteAsync(WriteThenDelete + " ", state, "accept");
        var replayed = await ExecuteAsync(WriteThenDelete, state, "accept");

        Assert.Equal(-32602, (int?)forged["error"]!["code"]);
        Assert.Equal(-32602, (int?)otherScript["error"]!["code"]);
        Assert.Equal(-32602, (int?)replayed["error"]!["code"]);
        Assert.Equal((1, 0), (Runs.Count("open_ticket"), Runs.Count("delete_ticket:T-1")));
    }

    [Fact]
    public async Task A_journal_over_its_bound_ends_the_execution_with_a_clear_error()
    {
        const string Large = """
            async () => {
              for (let i = 0; i < 12; i++) await codemode.echo({ text: 'x'.repeat(50000) });
              return await codemode.delete_ticket({ key: 'T-1' });
            }
            """;

        var refused = Result(await ExecuteAsync(Large));

        Assert.Equal(true, (bool?)refused["isError"]);
        Assert.Contains("more than the 1048576 an execution's journal keeps", (string?)refused["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.Equal(0, Runs.Count("delete_ticket:T-1"));
    }

    private Task<JsonObject> ExecuteAsync(string code, string? state = null, string? answer = null) =>
        _client.CallToolAsync(
            "execute",
            new JsonObject { ["code"] = code },
            Elicitation,
            state,
            answer is null ? null : new JsonObject
            {
                ["mcpplatform_approval"] = answer == "accept" ? new JsonObject { ["action"] = answer, ["content"] = new JsonObject() } : new JsonObject { ["action"] = answer },
            });

    private static JsonObject Result(JsonObject response) =>
        response["result"] as JsonObject ?? throw new Xunit.Sdk.XunitException("Expected a result: " + response.ToJsonString());

    private static AuditLine[] Records(AuditTrail trail, string tool) =>
        [.. trail.Requests.Where(r => r.Method == "tools/call" && r.Tool == tool).OrderBy(r => r.Seq)];

    private static string[] Outcomes(AuditTrail trail, string tool) => [.. Records(trail, tool).Select(r => r.Outcome ?? "(none)")];

    private async Task<AuditTrail> TrailAsync()
    {
        await _server.Services.GetRequiredService<AuditLog>().FlushAsync();
        return _audit.Read();
    }
}
