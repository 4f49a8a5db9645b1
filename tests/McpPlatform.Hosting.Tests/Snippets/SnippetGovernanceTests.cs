using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.Snippets;

/// <summary>
/// A snippet is a tool at the gate and each of its calls is governed again: a reader may call a snippet declared read,
/// but its inner write call is refused by default-deny, in the result and in the audit file (child records under the
/// snippet call's, as under an <c>execute</c>); from Code Mode the refusal is a catchable error.
/// </summary>
public sealed class SnippetGovernanceTests
{
    [Fact]
    public async Task A_reader_calling_a_read_snippet_whose_inner_call_writes_is_refused_at_the_inner_call_and_audited()
    {
        using var audit = new AuditFolder();
        await using (var server = await RunningServer.StartAsync(SnippetServers.Setup(new ServerSetup { AuditDirectory = audit.Path })))
        {
            using var session = await RawMcpSession.OpenAsync(server.McpUri, server.MintToken(GovernedPolicy.Reader), initializeId: 1);
            var called = await session.CallToolAsync(5, "snippet_mark_reviewed", """{"id":"N-2"}""");
            Assert.Equal(true, (bool?)called["result"]!["isError"]);
            Assert.Contains("denied by policy", (string?)called["result"]!["content"]![0]!["text"]);

            // The writer (the test caller, granted everything) runs the same snippet to the end.
            using var writer = await RawMcpSession.OpenAsync(server.McpUri, server.MintToken(), initializeId: 1);
            var written = await writer.CallToolAsync(6, "snippet_mark_reviewed", """{"id":"N-2"}""");
            Assert.NotEqual(true, (bool?)written["result"]!["isError"]);
            Assert.Contains("reviewed", written["result"]!["structuredContent"]!["result"]!.AsArray().Select(t => (string?)t));
        }

        var trail = audit.Read();
        var snippet = Assert.Single(trail.Requests, r => r.Tool == "snippet_mark_reviewed" && r.String(AuditFields.Subject) == GovernedPolicy.Reader.Subject);
        Assert.Equal(("allowed", "tool_error"), (snippet.String(AuditFields.Decision), snippet.Outcome));
        var inner = trail.Requests.Where(r => r.String(AuditFields.ParentId) == snippet.RequestId).ToArray();
        Assert.Equal([("get_note", "ok", "allowed"), ("tag_note", "denied", "denied")], inner.Select(r => (r.Tool, r.Outcome, r.String(AuditFields.Decision))));
        Assert.All(inner, r =>
        {
            Assert.Equal(GovernedPolicy.Reader.Subject, r.String(AuditFields.Subject));
            Assert.StartsWith(snippet.RequestId + "/", r.RequestId, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task From_execute_a_snippet_is_one_more_governed_call_and_its_refusal_is_catchable()
    {
        await using var server = await RunningServer.StartAsync(SnippetServers.Setup());
        await using var client = await server.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);
        var executed = await client.ExecuteAsync("""
            async () => {
              const digest = await codemode.snippets.notes_digest({ tag: "review" });
              try { await codemode.snippets.mark_reviewed({ id: "N-1" }); return "tagged"; }
              catch (e) { return { digest: digest.result.texts, refused: e.message }; }
            }
            """);

        Assert.True(executed.IsError != true, CodeModeClients.Text(executed));
        var result = executed.StructuredContent!.Value.GetProperty("result");
        Assert.Equal("Review the manifest diff", result.GetProperty("digest")[0].GetString());
        Assert.Contains("denied by policy", result.GetProperty("refused").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_arguments_are_a_tool_error_naming_them_before_anything_runs()
    {
        await using var server = await RunningServer.StartAsync(SnippetServers.Setup());
        await using var client = await server.ConnectClientAsync();
        var result = await client.CallToolAsync("snippet_notes_digest", new Dictionary<string, object?>());

        Assert.True(result.IsError);
        Assert.Contains("Invalid arguments for snippet_notes_digest: $.tag: is required.", ((TextContentBlock)result.Content[0]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_are_checked_against_the_whole_schema_and_the_error_names_the_json_path()
    {
        await using var server = await RunningServer.StartAsync(SnippetServers.Setup());
        await using var client = await server.ConnectClientAsync();
        var result = await client.CallToolAsync("snippet_replace_card", new Dictionary<string, object?> { ["board"] = "b", ["id"] = "C-0", ["title"] = "" });

        Assert.True(result.IsError);
        Assert.Contains("Invalid arguments for snippet_replace_card: $.title: must be at least 1 characters long (is 0).", ((TextContentBlock)result.Content[0]).Text, StringComparison.Ordinal);
    }
}
