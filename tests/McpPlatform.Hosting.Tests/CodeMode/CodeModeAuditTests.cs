using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>Every inner call of an execution has its own audit record under the execution's, as the audit file shows.</summary>
public sealed class CodeModeAuditTests : AuditedIssuerTests
{
    [Fact]
    public async Task Each_inner_call_has_one_record_whose_parent_is_the_execution()
    {
        await using (var server = await RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = Issuer,
            GrantTestCallerEverything = false,
            AuditDirectory = Audit.Path,
            Settings = GovernedPolicy.Settings,
        }))
        {
            using var session = await RawMcpSession.OpenAsync(server.CodeModeUri(), server.MintToken(GovernedPolicy.SupportWriter), initializeId: 1);
            var executed = await session.CallToolAsync(7, "execute", """
                {"code":"const t = await codemode.get_ticket({ key: 'T-5' });\nconst opened = await codemode.open_ticket({ ticket: { title: t.title, priority: 'Low' } });\nconst outcomes = [];\nfor (const call of [() => codemode.delete_ticket({ key: opened.key }), () => codemode.explode({ reason: 'audit' })]) {\n  try { await call(); outcomes.push('ok'); } catch (e) { outcomes.push(e.message.split(':')[0]); }\n}\nreturn outcomes;"}
                """);
            // delete_ticket lacked only the destructive scope: the script caught the error, and the execution ends
            // asking the client to step up (insufficient_scope with the scopes), so it is a tool error.
            Assert.Equal(true, (bool?)executed["result"]!["isError"]);
            Assert.Equal("insufficient_scope", (string?)executed["result"]!["structuredContent"]!["error"]);
        }

        var trail = Audit.Read();
        var execution = trail.Request(7);
        var inner = trail.Requests.Where(r => r.String(AuditFields.ParentId) == "7").ToArray();

        Assert.Equal(("execute", "tool_error"), (execution.Tool, execution.Outcome));
        Assert.Equal(
            [("get_ticket", "ok", "allowed"), ("open_ticket", "ok", "allowed"), ("delete_ticket", "denied", "denied"), ("explode", "tool_error", "allowed")],
            inner.Select(r => (r.Tool, r.Outcome, r.String(AuditFields.Decision))));
        Assert.All(inner, r =>
        {
            Assert.Equal("tools/call", r.Method);
            Assert.Equal(GovernedPolicy.SupportWriter.Subject, r.String(AuditFields.Subject));
            Assert.Equal(execution.String(AuditFields.CorrelationId), r.String(AuditFields.CorrelationId));
            Assert.StartsWith("7/", r.RequestId);
            Assert.True(r.Seq < execution.Seq, "Inner records are written before the execution's own record ends it.");
        });
        Assert.Equal(4, inner.Select(r => r.RequestId).Distinct().Count());
        Assert.Contains("\"priority\":\"Low\"", inner[1].String(AuditFields.Arguments));

        // The write ran fail-closed: its intent record came first, under the same parent.
        var intent = Assert.Single(trail.Intents, r => r.Tool == "open_ticket");
        Assert.Equal("7", intent.String(AuditFields.ParentId));
        Assert.True(intent.Seq < inner[1].Seq);
    }
}
