using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Approval;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Hosting.Tests.Approval;

/// <summary>
/// Protocol 2026-07-28 over raw HTTP against Kestrel on 127.0.0.1 (stateless, no initialize): <c>server/discover</c>,
/// tools/list, and a tools/call that needs approval, answered through an input-required round trip.
/// </summary>
public sealed class July2026ApprovalTests : IAsyncLifetime
{
    private static readonly JsonObject Elicitation = new() { ["elicitation"] = new JsonObject { ["form"] = new JsonObject() } };

    private readonly AuditFolder _audit = new();
    private readonly ShiftedClock _clock = new();
    private RunningServer _server = null!;
    private July2026Client _client = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new ServerSetup
        {
            AuditDirectory = _audit.Path,
            Services = services => services.AddSingleton<TimeProvider>(_clock),
            Settings = new Dictionary<string, string?>
            {
                ["McpPlatform:SessionMode"] = "Stateless",
                ["McpPlatform:Approval:RequireForDestructive"] = "true",
                ["McpPlatform:Approval:TimeoutSeconds"] = "30",
            },
        });
        _client = new July2026Client(_server.McpUri, _server.MintToken());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _audit.Dispose();
    }

    [Fact]
    public async Task Server_discover_answers_without_initialize_and_offers_2026_07_28()
    {
        var discovered = await _client.SendAsync("server/discover");

        var result = Result(discovered);
        Assert.Contains(July2026Client.Version, result["supportedVersions"]!.AsArray().Select(v => (string?)v));
        Assert.NotNull(result["capabilities"]!["tools"]);
    }

    [Fact]
    public async Task Tools_list_shows_the_catalog_with_its_annotations()
    {
        var listed = Result(await _client.SendAsync("tools/list"));

        var delete = Assert.Single(listed["tools"]!.AsArray(), t => (string?)t!["name"] == "delete_ticket")!;
        Assert.Equal(true, (bool?)delete["annotations"]!["destructiveHint"]);
        Assert.Contains(listed["tools"]!.AsArray(), t => (string?)t!["name"] == "get_ticket");
    }

    [Fact]
    public async Task An_accepted_input_required_round_trip_runs_the_call_once()
    {
        var asked = Result(await _client.CallToolAsync("delete_ticket", Key("T-9"), Elicitation));

        Assert.Equal("input_required", (string?)asked["resultType"]);
        var question = asked["inputRequests"]!["mcpplatform_approval"]!;
        Assert.Equal("elicitation/create", (string?)question["method"]);
        Assert.Contains("'delete_ticket' (Destructive)", (string?)question["params"]!["message"], StringComparison.Ordinal);
        Assert.Contains("\"T-9\"", (string?)question["params"]!["message"], StringComparison.Ordinal);
        var state = (string)asked["requestState"]!;

        var done = Result(await _client.CallToolAsync("delete_ticket", Key("T-9"), Elicitation, state, Answer("accept")));
        Assert.NotEqual(true, (bool?)done["isError"]);
        Assert.Equal("deleted T-9", (string?)done["content"]![0]!["text"]);

        // The same answer cannot admit a second call.
        var replayed = await _client.CallToolAsync("delete_ticket", Key("T-9"), Elicitation, state, Answer("accept"));
        Assert.Equal(-32602, (int?)replayed["error"]!["code"]);

        var records = await DeleteRecordsAsync();
        Assert.Equal(
            [(AuditOutcomes.ApprovalRequested, "requested"), (AuditOutcomes.Ok, "approved"), (AuditOutcomes.Failed, "requested")],
            records.Select(r => (r.Outcome, r.String(AuditFields.Approval))));
        Assert.Equal(TestCaller.Default.Subject, records[1].String(AuditFields.ApprovedBy));
        Assert.Equal(ApprovalQuestion.ArgumentsSha256(new Dictionary<string, JsonElement> { ["key"] = JsonSerializer.SerializeToElement("T-9") }), records[1].String(AuditFields.ApprovalArgumentsSha256));
        Assert.Single((await TrailAsync()).Intents, r => r.Tool == "delete_ticket");
    }

    [Fact]
    public async Task A_declined_round_trip_is_a_tool_error_and_the_tool_does_not_run()
    {
        var state = (string)Result(await _client.CallToolAsync("delete_ticket", Key("T-9"), Elicitation))["requestState"]!;

        var declined = Result(await _client.CallToolAsync("delete_ticket", Key("T-9"), Elicitation, state, Answer("decline")));

        Assert.Equal(true, (bool?)declined["isError"]);
        Assert.StartsWith("Approval declined:", (string?)declined["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.Equal(AuditOutcomes.ApprovalDeclined, (await DeleteRecordsAsync())[^1].Outcome);
        Assert.DoesNotContain((await TrailAsync()).Intents, r => r.Tool == "delete_ticket");
    }

    [Fact]
    public async Task An_answer_after_the_timeout_is_refused_as_a_timeout()
    {
        var state = (string)Result(await _client.CallToolAsync("delete_ticket", Key("T-9"), Elicitation))["requestState"]!;
        _clock.Shift = TimeSpan.FromSeconds(31);

        var late = Result(await _client.CallToolAsync("delete_ticket", Key("T-9"), Elicitation, state, Answer("accept")));

        Assert.Equal(true, (bool?)late["isError"]);
        Assert.StartsWith("Approval timed out:", (string?)late["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.Equal((AuditOutcomes.ApprovalTimeout, "timeout"), ((await DeleteRecordsAsync())[^1].Outcome, (await DeleteRecordsAsync())[^1].String(AuditFields.Approval)));
    }

    [Fact]
    public async Task An_approval_cannot_be_moved_to_other_arguments()
    {
        var state = (string)Result(await _client.CallToolAsync("delete_ticket", Key("T-9"), Elicitation))["requestState"]!;

        var moved = await _client.CallToolAsync("delete_ticket", Key("T-10"), Elicitation, state, Answer("accept"));

        Assert.Equal(-32602, (int?)moved["error"]!["code"]);
        Assert.DoesNotContain((await TrailAsync()).Intents, r => r.Tool == "delete_ticket");
    }

    [Fact]
    public async Task A_client_without_elicitation_is_refused_with_why()
    {
        var refused = Result(await _client.CallToolAsync("delete_ticket", Key("T-9")));

        Assert.Equal(true, (bool?)refused["isError"]);
        var text = (string)refused["content"]![0]!["text"]!;
        Assert.StartsWith("Approval required:", text, StringComparison.Ordinal);
        Assert.Contains("did not declare the elicitation capability", text, StringComparison.Ordinal);
        Assert.Equal(AuditOutcomes.ApprovalUnavailable, (await DeleteRecordsAsync())[^1].Outcome);
    }

    private static JsonObject Key(string key) => new() { ["key"] = key };

    private static JsonObject Answer(string action) => new()
    {
        ["mcpplatform_approval"] = action == "accept" ? new JsonObject { ["action"] = action, ["content"] = new JsonObject() } : new JsonObject { ["action"] = action },
    };

    private static JsonObject Result(JsonObject response) =>
        response["result"] as JsonObject ?? throw new Xunit.Sdk.XunitException("Expected a result: " + response.ToJsonString());

    private async Task<AuditLine[]> DeleteRecordsAsync() =>
        [.. (await TrailAsync()).Requests.Where(r => r.Method == "tools/call" && r.Tool == "delete_ticket").OrderBy(r => r.Seq)];

    // Request records are queued; flushed, the file holds every record of the requests answered so far.
    private async Task<AuditTrail> TrailAsync()
    {
        await _server.Services.GetRequiredService<AuditLog>().FlushAsync();
        return _audit.Read();
    }
}
