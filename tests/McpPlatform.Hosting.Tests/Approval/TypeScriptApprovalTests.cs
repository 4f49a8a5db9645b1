using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance;
using McpPlatform.Governance.Approval;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Approval;

/// <summary>
/// The official TypeScript SDK client (eng/node/approval-client.mjs) with an elicitation handler calls a Destructive
/// tool on a stateful session: the server asks, the "user" answers, and the result and the audit record say how it ended.
/// </summary>
public sealed class TypeScriptApprovalTests : IDisposable
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(60);
    private readonly AuditFolder _audit = new();

    [Fact]
    public async Task An_accepted_question_runs_the_call_and_the_record_names_who_approved_and_the_arguments_shown()
    {
        var seen = await CallDeleteAsync("accept");

        var question = Assert.Single(seen["questions"]!.AsArray());
        var message = (string)question!["message"]!;
        Assert.Contains("'delete_ticket' (Destructive)", message, StringComparison.Ordinal);
        Assert.Contains("- key: \"T-9\"", message, StringComparison.Ordinal);
        Assert.NotEqual(true, (bool?)seen["result"]!["isError"]);
        Assert.Equal("deleted T-9", (string?)seen["result"]!["content"]![0]!["text"]);
        Assert.Single(_audit.Read().Intents, r => r.Tool == "delete_ticket"); // written once approved, before the tool ran

        var record = DeleteRecord();
        Assert.Equal(("ok", "approved"), (record.Outcome, record.String(AuditFields.Approval)));
        Assert.Equal(TestCaller.Default.Subject, record.String(AuditFields.ApprovedBy));
        Assert.Equal(ApprovalPolicy.DefaultDestructiveRule, record.String(AuditFields.ApprovalRule));
        Assert.Equal(ExpectedHash("""{"key":"T-9"}"""), record.String(AuditFields.ApprovalArgumentsSha256));
        AuditChainCheck.AssertIntact(_audit.Read()); // the chain verifies with the approval fields hashed
    }

    [Theory]
    [InlineData("decline", "Approval declined:", AuditOutcomes.ApprovalDeclined, "declined")]
    [InlineData("cancel", "Approval cancelled:", AuditOutcomes.ApprovalCancelled, "cancelled")]
    public async Task A_declined_or_dismissed_question_refuses_the_call_and_says_which(string answer, string prefix, string outcome, string approval)
    {
        var seen = await CallDeleteAsync(answer);

        Assert.Single(seen["questions"]!.AsArray());
        Assert.Equal(true, (bool?)seen["result"]!["isError"]);
        Assert.StartsWith(prefix, (string?)seen["result"]!["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(_audit.Read().Intents, r => r.Tool == "delete_ticket"); // the tool never got as far as its intent record
        var record = DeleteRecord();
        Assert.Equal((outcome, approval, "denied"), (record.Outcome, record.String(AuditFields.Approval), record.String(AuditFields.Decision)));
        Assert.Null(record.String(AuditFields.ApprovedBy));
    }

    [Fact]
    public async Task A_client_without_elicitation_is_refused_with_why_approval_could_not_be_asked()
    {
        var seen = await CallDeleteAsync("none");

        Assert.Empty(seen["questions"]!.AsArray());
        Assert.Equal(true, (bool?)seen["result"]!["isError"]);
        var text = (string)seen["result"]!["content"]![0]!["text"]!;
        Assert.StartsWith("Approval required: the call of 'delete_ticket' (Destructive) needs the user's confirmation", text, StringComparison.Ordinal);
        Assert.Contains("did not declare the elicitation capability", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_audit.Read().Intents, r => r.Tool == "delete_ticket"); // the tool never got as far as its intent record
        Assert.Equal((AuditOutcomes.ApprovalUnavailable, "unavailable"), (DeleteRecord().Outcome, DeleteRecord().String(AuditFields.Approval)));
    }

    [Fact]
    public async Task A_read_tool_is_not_asked_about()
    {
        var seen = await CallAsync("accept", "get_ticket", """{"key":"T-1"}""");

        Assert.Empty(seen["questions"]!.AsArray());
        Assert.NotEqual(true, (bool?)seen["result"]!["isError"]);
    }

    public void Dispose() => _audit.Dispose();

    private Task<JsonNode> CallDeleteAsync(string answer) => CallAsync(answer, "delete_ticket", """{"key":"T-9"}""");

    private async Task<JsonNode> CallAsync(string answer, string tool, string arguments)
    {
        await using (var server = await ApprovalServer.StartAsync(_audit, McpSessionMode.Stateful))
        {
            var run = await ChildProcess.RunAsync(
                RepositoryLayout.NodeExecutable(),
                [Path.Combine(RepositoryLayout.NodeFolder, "approval-client.mjs"), server.McpUri.AbsoluteUri],
                RepositoryLayout.NodeFolder,
                new Dictionary<string, string?>
                {
                    ["MCP_TOKEN"] = server.MintToken(),
                    ["ANSWER"] = answer,
                    ["TOOL"] = tool,
                    ["ARGS"] = arguments,
                },
                ClientTimeout);
            run.EnsureSuccess();
            return JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
        }
    }

    private AuditLine DeleteRecord() =>
        Assert.Single(_audit.Read().Requests, r => r.Method == "tools/call" && r.Tool == "delete_ticket");

    private static string ExpectedHash(string json) =>
        ApprovalQuestion.ArgumentsSha256(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json));
}
