using McpPlatform.Fixtures.Rollback;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;
using static McpPlatform.Hosting.Tests.Rollback.RollbackServers;

namespace McpPlatform.Hosting.Tests.Rollback;

/// <summary>A rollback is audited: its record names the execution id, and each inverse call has its own record under it.</summary>
public sealed class RollbackAuditTests
{
    [Fact]
    public async Task The_rollback_record_names_the_execution_and_each_inverse_call_is_a_record_under_it()
    {
        using var audit = new AuditFolder();
        var board = NewBoard();
        string executionId;
        await using (var server = await RunningServer.StartAsync(Setup(audit.Path)))
        {
            await using var client = await server.ConnectCodeModeAsync();
            var executed = await client.ExecuteAsync($$"""
                async () => {
                  const a = await codemode.create_card({ board: "{{board}}", title: "a" });
                  await codemode.pin_card({ board: "{{board}}", id: a.id });
                  return a.id;
                }
                """);
            executionId = ExecutionId(executed);
            Assert.True((await client.RollbackAsync(executionId)).IsError);
        }

        var trail = audit.Read();
        var rollback = Assert.Single(trail.Requests, r => r.Tool == "rollback");
        var inverses = trail.Requests.Where(r => r.String(AuditFields.ParentId) == rollback.RequestId).ToArray();

        Assert.Equal("tool_error", rollback.Outcome);
        Assert.Contains(executionId, rollback.String(AuditFields.Arguments), StringComparison.Ordinal);
        var inverse = Assert.Single(inverses); // stopped at the first failure: the create was never undone
        Assert.Equal(("unpin_card", "tool_error", "allowed"), (inverse.Tool, inverse.Outcome, inverse.String(AuditFields.Decision)));
        Assert.Equal("tools/call", inverse.Method);
        Assert.StartsWith(rollback.RequestId + "/", inverse.RequestId, StringComparison.Ordinal);
        Assert.Equal([board + " created", board + " pinned"], CardTools.HistoryOf(board).Select(h => board + " " + h.Split(' ')[0]));
    }
}
