using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using McpPlatform.Governance;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.Approval;

/// <summary>
/// Code Mode inner calls a rule covers are asked about one by one, on a stateful session with the official C# client's
/// elicitation handler: a declined call throws a catchable error in the script, and nothing after it runs unasked.
/// </summary>
public sealed class CodeModeApprovalTests : IDisposable
{
    private readonly AuditFolder _audit = new();

    [Fact]
    public async Task A_declined_inner_call_throws_a_catchable_error_and_the_next_destructive_call_is_asked_again()
    {
        var questions = new ConcurrentQueue<string>();
        await using (var server = await ApprovalServer.StartAsync(_audit, McpSessionMode.Stateful))
        await using (var client = await ConnectAsync(server, questions, message => message.Contains("T-1", StringComparison.Ordinal) ? "decline" : "accept"))
        {
            var executed = await client.ExecuteAsync("""
                async () => {
                  const outcomes = [];
                  try { outcomes.push(await codemode.delete_ticket({ key: 'T-1' })); } catch (e) { outcomes.push('caught: ' + e.message); }
                  outcomes.push(await codemode.delete_ticket({ key: 'T-2' }));
                  return outcomes;
                }
                """);

            Assert.True(executed.IsError != true, executed.SingleText());
            var outcomes = JsonNode.Parse(executed.StructuredContent!.Value.GetRawText())!["result"]!.AsArray().Select(o => (string?)o).ToArray();
            Assert.StartsWith("caught: Approval declined: the user declined the call of 'delete_ticket'", outcomes[0], StringComparison.Ordinal);
            Assert.Equal("deleted T-2", outcomes[1]);
        }

        Assert.Equal(2, questions.Count);
        Assert.Contains("\"T-1\"", questions.First(), StringComparison.Ordinal);
        var inner = _audit.Read().Requests.Where(r => r.Tool == "delete_ticket").OrderBy(r => r.Seq).ToArray();
        Assert.Equal([(AuditOutcomes.ApprovalDeclined, "declined"), (AuditOutcomes.Ok, "approved")], inner.Select(r => (r.Outcome, r.String(AuditFields.Approval))));
        Assert.All(inner, r => Assert.False(string.IsNullOrEmpty(r.String(AuditFields.ParentId))));
    }

    [Fact]
    public async Task Nothing_after_an_uncaught_declined_call_runs()
    {
        var questions = new ConcurrentQueue<string>();
        await using (var server = await ApprovalServer.StartAsync(_audit, McpSessionMode.Stateful))
        await using (var client = await ConnectAsync(server, questions, _ => "decline"))
        {
            var executed = await client.ExecuteAsync("""
                async () => {
                  await codemode.delete_ticket({ key: 'T-1' });
                  await codemode.open_ticket({ ticket: { title: 'after the refusal', priority: 'Low' } });
                  return 'finished';
                }
                """);

            Assert.True(executed.IsError);
            Assert.Contains("Approval declined", executed.SingleText(), StringComparison.Ordinal);
        }

        Assert.Single(questions);
        Assert.DoesNotContain(_audit.Read().Requests, r => r.Tool == "open_ticket");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Execute_is_destructive_only_for_a_caller_who_may_reach_a_destructive_tool(bool destructiveGranted)
    {
        await using var server = await ApprovalServer.StartAsync(_audit, McpSessionMode.Stateless);
        var caller = destructiveGranted ? TestCaller.Default : TestCaller.Default with { Scopes = [TestCaller.ReadScope, TestCaller.WriteScope] };
        await using var client = await server.ConnectCodeModeAsync(caller: caller);

        var tools = await client.ListToolsAsync();

        var execute = Assert.Single(tools, t => t.Name == "execute").ProtocolTool.Annotations!;
        var search = Assert.Single(tools, t => t.Name == "search").ProtocolTool.Annotations!;
        Assert.Equal((false, destructiveGranted), (execute.ReadOnlyHint, execute.DestructiveHint));
        Assert.True(search.ReadOnlyHint);
    }

    public void Dispose() => _audit.Dispose();

    private static Task<McpClient> ConnectAsync(RunningServer server, ConcurrentQueue<string> questions, Func<string, string> answer) =>
        McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = server.CodeModeUri(),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + server.MintToken() },
            }),
            new McpClientOptions
            {
                Handlers = new McpClientHandlers
                {
                    ElicitationHandler = (request, _) =>
                    {
                        var message = request?.Message ?? string.Empty;
                        questions.Enqueue(message);
                        var action = answer(message);
                        return ValueTask.FromResult(new ElicitResult { Action = action, Content = action == "accept" ? new Dictionary<string, System.Text.Json.JsonElement>() : null });
                    },
                },
            });
}
