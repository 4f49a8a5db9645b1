using System.Text.Json.Nodes;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>One audit record per JSON-RPC request, read back from the CLEF file of a real server with OAuth on.</summary>
public sealed class RequestRecordTests : AuditedIssuerTests
{
    private const string ServerName = "audited-server";
    private const string ServerVersion = "4.5.6";

    [Theory]
    [InlineData("Stateless")]
    [InlineData("Stateful")]
    public async Task Each_json_rpc_request_has_exactly_one_request_record_with_caller_tool_decision_and_outcome(string sessionMode)
    {
        var support = GovernedPolicy.SupportWriter;
        var reader = GovernedPolicy.Reader;
        string? supportSession, readerSession;
        await using (var server = await StartAsync(new() { ["McpPlatform:SessionMode"] = sessionMode }))
        {
            using var supportClient = await RawMcpSession.OpenAsync(server.McpUri, server.MintToken(support), initializeId: 1);
            supportSession = supportClient.SessionId;
            var list = await supportClient.SendAsync(2, "tools/list");
            var echo = await supportClient.CallToolAsync(3, "echo", """{"text":"hello"}""");
            var explode = await supportClient.CallToolAsync(4, "explode", """{"reason":"testing"}""");
            var unknown = await supportClient.CallToolAsync(5, "no_such_tool");

            using var readerClient = await RawMcpSession.OpenAsync(server.McpUri, server.MintToken(reader), initializeId: 11);
            readerSession = readerClient.SessionId;
            var denied = await readerClient.CallToolAsync(12, "open_ticket", """{"ticket":{"title":"Denied","priority":"Low"}}""");

            Assert.NotNull(list["result"]);
            Assert.NotEqual(true, (bool?)echo["result"]!["isError"]);
            Assert.True((bool?)explode["result"]!["isError"]);
            Assert.NotNull(unknown["error"]);
            Assert.True((bool?)denied["result"]!["isError"]);
        }

        var trail = Audit.Read();

        Assert.Equal(sessionMode == "Stateful", supportSession is not null && readerSession is not null && supportSession != readerSession);
        Assert.True(trail.Requests.Count() == 7, $"Expected 7 request records (5 + 2 JSON-RPC requests), got:{Environment.NewLine}{trail}");
        foreach (var (session, caller, id, method) in new[]
                 {
                     (supportSession, support, 1L, "initialize"), (supportSession, support, 2L, "tools/list"),
                     (supportSession, support, 3L, "tools/call"), (supportSession, support, 4L, "tools/call"),
                     (supportSession, support, 5L, "tools/call"), (readerSession, reader, 11L, "initialize"),
                     (readerSession, reader, 12L, "tools/call"),
                 })
        {
            var line = trail.Request(id);
            AssertRequestRecord(line, caller, method);
            Assert.Equal(session, line.SessionId);
        }

        var init = trail.Request(1);
        Assert.Null(init.Tool);
        Assert.Equal("ok", init.Outcome);

        var echoRecord = trail.Request(3);
        Assert.Equal(("echo", "Read", "allowed", "ok"), (echoRecord.Tool, echoRecord.String(AuditFields.Access), echoRecord.String(AuditFields.Decision), echoRecord.Outcome));
        Assert.False(string.IsNullOrEmpty(echoRecord.String(AuditFields.Rule)), echoRecord.Text);
        Assert.Equal("""{"text":"hello"}""", echoRecord.String(AuditFields.Arguments));
        Assert.Equal(5, echoRecord.Number(AuditFields.ResultBytes));

        var explodeRecord = trail.Request(4);
        Assert.Equal(("explode", "allowed", "tool_error"), (explodeRecord.Tool, explodeRecord.String(AuditFields.Decision), explodeRecord.Outcome));
        Assert.True(explodeRecord.Number(AuditFields.ResultBytes) > 0, explodeRecord.Text);

        var unknownRecord = trail.Request(5);
        Assert.Equal("failed", unknownRecord.Outcome);
        Assert.StartsWith("JSON-RPC error", unknownRecord.String(AuditFields.Error));
        Assert.Null(unknownRecord.Tool);

        var deniedRecord = trail.Request(12);
        Assert.Equal(
            ("open_ticket", "Write", "denied", "default-deny-writes", "denied"),
            (deniedRecord.Tool, deniedRecord.String(AuditFields.Access), deniedRecord.String(AuditFields.Decision), deniedRecord.String(AuditFields.Rule), deniedRecord.Outcome));
        Assert.Null(deniedRecord.Number(AuditFields.ResultBytes));
        Assert.Empty(trail.Intents);
        Assert.Empty(trail.Refusals);
    }

    [Fact]
    public async Task Refused_http_requests_each_get_one_refused_record_naming_what_refused_them()
    {
        var noScope = new TestCaller("nora-noscope", [], []);
        await using (var server = await StartAsync(new()
        {
            ["McpPlatform:RateLimits:PerCaller:TokenLimit"] = "1",
            ["McpPlatform:RateLimits:PerCaller:TokensPerPeriod"] = "1",
            ["McpPlatform:RateLimits:PerCaller:ReplenishmentPeriod"] = "01:00:00",
        }))
        {
            using var http = new HttpClient();
            using var noToken = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri));
            using var missingScope = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, token: server.MintToken(noScope)));
            using var foreignHost = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, host: "evil.example"));
            var readerToken = server.MintToken(GovernedPolicy.Reader);
            using var withinBudget = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, token: readerToken));
            using var overBudget = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, token: readerToken));

            Assert.Equal(
                [401, 403, 403, 200, 429],
                new[] { noToken, missingScope, foreignHost, withinBudget, overBudget }.Select(r => (int)r.StatusCode));
        }

        var trail = Audit.Read();

        var refusals = trail.Refusals.ToList();
        Assert.True(refusals.Count == 4, $"Expected 4 refused records, got:{Environment.NewLine}{trail}");
        Assert.Equal(
            [("authentication", "HTTP 401", null), ("insufficient-scope", "HTTP 403", noScope.Subject), ("host-origin", "HTTP 403", null), ("rate-limit", "HTTP 429", GovernedPolicy.Reader.Subject)],
            refusals.Select(r => (r.String(AuditFields.Rule), r.String(AuditFields.Error), r.String(AuditFields.Subject))));
        Assert.All(refusals, r =>
        {
            Assert.Equal(("HTTP POST", "refused", "denied"), (r.Method, r.Outcome, r.String(AuditFields.Decision)));
            Assert.False(string.IsNullOrEmpty(r.String(AuditFields.CorrelationId)), r.Text);
            Assert.Equal(ServerName, r.String(AuditFields.Server));
        });
        var admitted = Assert.Single(trail.Requests);
        Assert.Equal(("initialize", GovernedPolicy.Reader.Subject), (admitted.Method, admitted.String(AuditFields.Subject)));
    }

    private static void AssertRequestRecord(AuditLine line, TestCaller caller, string method)
    {
        Assert.Equal(AuditRecord.RequestKind, line.Kind);
        Assert.Equal(method, line.Method);
        Assert.Equal(caller.Subject, line.String(AuditFields.Subject));
        Assert.Equal(caller.ClientId, line.String(AuditFields.ClientId));
        Assert.Equal(ServerName, line.String(AuditFields.Server));
        Assert.Equal(ServerVersion, line.String(AuditFields.ServerVersion));
        Assert.StartsWith("sha256:", line.String(AuditFields.ManifestHash));
        Assert.False(string.IsNullOrEmpty(line.String(AuditFields.CorrelationId)), line.Text);
        Assert.True(line.Number(AuditFields.DurationMs) >= 0, $"DurationMs missing: {line}");
    }

    private Task<RunningServer> StartAsync(Dictionary<string, string?>? settings = null) =>
        StartProductionAsync(settings, setup => setup with
        {
            Configure = options =>
            {
                options.ServerName = ServerName;
                options.ServerVersion = ServerVersion;
            },
        });
}
