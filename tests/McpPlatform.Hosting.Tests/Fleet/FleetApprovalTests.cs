using System.Text.Json.Nodes;
using McpPlatform.Governance;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Tests.Approval;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace McpPlatform.Hosting.Tests.Fleet;

/// <summary>
/// A 2026-07-28 approval asked on one replica and answered on another, with no sticky routing: two servers share a real
/// redis-server (journals, used request states, the Data Protection key ring), over raw HTTP on 127.0.0.1.
/// </summary>
public sealed class FleetApprovalTests : FleetTestBase
{
    private const string WriteThenDelete = """
        async () => {
          const opened = await codemode.open_ticket({ ticket: { title: 'before the question', priority: 'Low' } });
          return [opened.key, await codemode.delete_ticket({ key: 'T-1' })];
        }
        """;

    private static readonly JsonObject Elicitation = new() { ["elicitation"] = new JsonObject { ["form"] = new JsonObject() } };

    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";
    private readonly AuditFolder _auditA = new();
    private readonly AuditFolder _auditB = new();

    [Fact]
    public async Task A_direct_call_asked_on_one_replica_is_answered_on_the_other_once()
    {
        await using var a = await StartAsync(_auditA);
        await using var b = await StartAsync(_auditB);
        using var onA = new July2026Client(a.McpUri, a.MintToken());
        using var onB = new July2026Client(b.McpUri, b.MintToken());

        var asked = Result(await onA.CallToolAsync("delete_ticket", Key("T-9"), Elicitation));
        Assert.Equal("input_required", (string?)asked["resultType"]);
        var state = (string)asked["requestState"]!;

        var done = Result(await onB.CallToolAsync("delete_ticket", Key("T-9"), Elicitation, state, Answer()));
        var replayedOnB = await onB.CallToolAsync("delete_ticket", Key("T-9"), Elicitation, state, Answer());
        var replayedOnA = await onA.CallToolAsync("delete_ticket", Key("T-9"), Elicitation, state, Answer());

        Assert.NotEqual(true, (bool?)done["isError"]);
        Assert.Equal("deleted T-9", (string?)done["content"]![0]!["text"]);
        Assert.Equal(-32602, (int?)replayedOnB["error"]!["code"]);
        Assert.Equal(-32602, (int?)replayedOnA["error"]!["code"]);
        Assert.Equal((0, 1), (Runs(a).Count("delete_ticket:T-9"), Runs(b).Count("delete_ticket:T-9")));
        Assert.True(await RedisHoldsKeyRingAsync(), "the Data Protection key ring is kept in Redis");
    }

    [Fact]
    public async Task An_execute_asked_on_one_replica_replays_its_journal_on_the_other()
    {
        await using var a = await StartAsync(_auditA);
        await using var b = await StartAsync(_auditB);
        using var onA = new July2026Client(a.CodeModeUri(), a.MintToken());
        using var onB = new July2026Client(b.CodeModeUri(), b.MintToken());

        var asked = Result(await ExecuteAsync(onA));
        Assert.Equal("input_required", (string?)asked["resultType"]);
        var state = (string)asked["requestState"]!;

        var done = Result(await ExecuteAsync(onB, state));
        var replayed = await ExecuteAsync(onB, state);

        Assert.NotEqual(true, (bool?)done["isError"]);
        Assert.Equal("""["T-100","deleted T-1"]""", done["structuredContent"]!["result"]!.ToJsonString());
        // The write before the question ran once, on A; B replayed it from the journal and ran only the approved call.
        Assert.Equal((1, 0), (Runs(a).Count("open_ticket"), Runs(b).Count("open_ticket")));
        Assert.Equal((0, 1), (Runs(a).Count("delete_ticket:T-1"), Runs(b).Count("delete_ticket:T-1")));
        Assert.Equal(-32602, (int?)replayed["error"]!["code"]);
        var trail = await TrailAsync(b, _auditB);
        Assert.Equal([AuditOutcomes.Replayed], Outcomes(trail, "open_ticket"));
        Assert.Equal([AuditOutcomes.Ok], Outcomes(trail, "delete_ticket"));
    }

    [Fact]
    public async Task Redis_down_refuses_the_answer_with_a_clear_audited_error_and_runs_nothing()
    {
        await using var a = await StartAsync(_auditA);
        await using var b = await StartAsync(_auditB);
        using var onA = new July2026Client(a.McpUri, a.MintToken());
        using var onB = new July2026Client(b.McpUri, b.MintToken());
        using var executeOnA = new July2026Client(a.CodeModeUri(), a.MintToken());
        using var executeOnB = new July2026Client(b.CodeModeUri(), b.MintToken());
        var direct = (string)Result(await onA.CallToolAsync("delete_ticket", Key("T-9"), Elicitation))["requestState"]!;
        var execute = (string)Result(await ExecuteAsync(executeOnA))["requestState"]!;
        // B has asked a question of its own before the outage, so it has read the key ring (kept in memory from then on).
        Assert.Equal("input_required", (string?)Result(await onB.CallToolAsync("delete_ticket", Key("T-8"), Elicitation))["resultType"]);

        await Redis.StopAsync();
        var directAnswer = Result(await onB.CallToolAsync("delete_ticket", Key("T-9"), Elicitation, direct, Answer()));
        var executeAnswer = Result(await ExecuteAsync(executeOnB, execute));

        Assert.Equal(true, (bool?)directAnswer["isError"]);
        Assert.Contains("(McpPlatform:Redis) is unavailable", (string?)directAnswer["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.Equal(true, (bool?)executeAnswer["isError"]);
        Assert.Contains("(McpPlatform:Redis) is unavailable", (string?)executeAnswer["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.Equal(0, Runs(b).Count("delete_ticket:T-9") + Runs(b).Count("delete_ticket:T-1") + Runs(b).Count("open_ticket"));
        var trail = await TrailAsync(b, _auditB);
        Assert.Equal(AuditOutcomes.ApprovalUnavailable, Records(trail, "delete_ticket")[^1].Outcome);
        var executeRecord = Records(trail, "execute")[^1];
        Assert.Equal("unavailable", executeRecord.String(AuditFields.Approval));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _auditA.Dispose();
        _auditB.Dispose();
    }

    private static ToolInvocations Runs(RunningServer server) => server.Services.GetRequiredService<ToolInvocations>();

    private Task<RunningServer> StartAsync(AuditFolder audit) => ApprovalServer.StartAsync(audit, McpSessionMode.Stateless, new Dictionary<string, string?>
    {
        ["McpPlatform:Redis:Configuration"] = Redis.Configuration,
        ["McpPlatform:Redis:KeyPrefix"] = _prefix,
    });

    private async Task<bool> RedisHoldsKeyRingAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.Configuration);
        return await connection.GetDatabase().ListLengthAsync(_prefix + "data-protection-keys") > 0;
    }

    private static Task<JsonObject> ExecuteAsync(July2026Client client, string? state = null) =>
        client.CallToolAsync("execute", new JsonObject { ["code"] = WriteThenDelete }, Elicitation, state, state is null ? null : Answer());

    private static JsonObject Key(string key) => new() { ["key"] = key };

    private static JsonObject Answer() => new()
    {
        ["mcpplatform_approval"] = new JsonObject { ["action"] = "accept", ["content"] = new JsonObject() },
    };

    private static JsonObject Result(JsonObject response) =>
        response["result"] as JsonObject ?? throw new Xunit.Sdk.XunitException("Expected a result: " + response.ToJsonString());

    private static AuditLine[] Records(AuditTrail trail, string tool) =>
        [.. trail.Requests.Where(r => r.Method == "tools/call" && r.Tool == tool).OrderBy(r => r.Seq)];

    private static string[] Outcomes(AuditTrail trail, string tool) => [.. Records(trail, tool).Select(r => r.Outcome ?? "(none)")];

    private static async Task<AuditTrail> TrailAsync(RunningServer server, AuditFolder audit)
    {
        await server.Services.GetRequiredService<McpPlatform.Governance.Audit.AuditLog>().FlushAsync();
        return audit.Read();
    }
}
