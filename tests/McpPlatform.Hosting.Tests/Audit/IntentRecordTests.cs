using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>The intent record a governed call waits for before it runs (fail closed), as the audit file shows it.</summary>
public sealed class IntentRecordTests : AuditedIssuerTests
{
    [Fact]
    public async Task Write_and_destructive_calls_have_an_intent_record_before_their_request_record_and_read_calls_do_not()
    {
        await using (var server = await StartAsync(failClosedReads: false))
        {
            using var admin = await RawMcpSession.OpenAsync(server.McpUri, server.MintToken(GovernedPolicy.SupportAdmin), initializeId: 1);
            var opened = await admin.CallToolAsync(2, "open_ticket", """{"ticket":{"title":"Intent","priority":"Low"}}""");
            var deleted = await admin.CallToolAsync(3, "delete_ticket", """{"key":"T-1"}""");
            var echoed = await admin.CallToolAsync(4, "echo", """{"text":"read"}""");

            Assert.All([opened, deleted, echoed], r => Assert.NotEqual(true, (bool?)r["result"]!["isError"]));
        }

        var trail = Audit.Read();

        Assert.True(trail.Intents.Count() == 2, $"Expected intents for open_ticket and delete_ticket only:{Environment.NewLine}{trail}");
        AssertIntentPrecedes(trail, 2, "open_ticket", "Write");
        AssertIntentPrecedes(trail, 3, "delete_ticket", "Destructive");
        Assert.Equal("ok", trail.Request(4).Outcome);
    }

    [Fact]
    public async Task With_fail_closed_reads_read_calls_also_have_an_intent_record()
    {
        await using (var server = await StartAsync(failClosedReads: true))
        {
            using var reader = await RawMcpSession.OpenAsync(server.McpUri, server.MintToken(GovernedPolicy.Reader), initializeId: 1);
            var echoed = await reader.CallToolAsync(2, "echo", """{"text":"read"}""");

            Assert.NotEqual(true, (bool?)echoed["result"]!["isError"]);
        }

        var trail = Audit.Read();

        Assert.Single(trail.Intents);
        AssertIntentPrecedes(trail, 2, "echo", "Read");
    }

    private static void AssertIntentPrecedes(AuditTrail trail, long requestId, string tool, string access)
    {
        var request = trail.Request(requestId);
        var intent = Assert.Single(trail.Intents, l => l.RequestId == request.RequestId);
        Assert.Equal(("pending", tool, access, "allowed"), (intent.Outcome, intent.Tool, intent.String(AuditFields.Access), intent.String(AuditFields.Decision)));
        Assert.Equal(("ok", tool), (request.Outcome, request.Tool));
        Assert.Equal(request.String(AuditFields.Arguments), intent.String(AuditFields.Arguments));
        Assert.Equal((request.String(AuditFields.Subject), request.String(AuditFields.CorrelationId), request.ChainId), (intent.String(AuditFields.Subject), intent.String(AuditFields.CorrelationId), intent.ChainId));
        Assert.True(intent.Seq < request.Seq, $"The intent (Seq {intent.Seq}) must be written before the request record (Seq {request.Seq}).");
    }

    private Task<RunningServer> StartAsync(bool failClosedReads) =>
        RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = Issuer,
            GrantTestCallerEverything = false,
            AuditDirectory = Audit.Path,
            Settings = new Dictionary<string, string?>(GovernedPolicy.Settings)
            {
                ["McpPlatform:Audit:FailClosedReads"] = failClosedReads ? "true" : "false",
            },
        });
}
