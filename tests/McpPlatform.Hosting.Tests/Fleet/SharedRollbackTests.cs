using McpPlatform.Fixtures.Rollback;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Rollback;
using McpPlatform.Hosting.Tests.Server;
using static McpPlatform.Hosting.Tests.Rollback.RollbackServers;

namespace McpPlatform.Hosting.Tests.Fleet;

/// <summary>
/// The executions <c>rollback</c> can undo, kept in a real redis-server two replicas share: an execution run on replica
/// A is rolled back on replica B (by the same caller only), and the store stays bounded by <c>MaxExecutions</c>.
/// </summary>
public sealed class SharedRollbackTests : FleetTestBase
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";

    [Fact]
    public async Task An_execution_run_on_one_replica_is_rolled_back_on_the_other()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        var board = NewBoard();
        await using var onA = await a.ConnectCodeModeAsync();
        await using var onB = await b.ConnectCodeModeAsync();
        await using var otherOnB = await b.ConnectCodeModeAsync(caller: TestCaller.Default with { Subject = "someone-else" });

        var executed = await onA.ExecuteAsync($$"""
            async () => {
              const a = await codemode.create_card({ board: "{{board}}", title: "first" });
              const b = await codemode.create_card({ board: "{{board}}", title: "second" });
              return [a.id, b.id];
            }
            """);
        var ids = executed.Result().EnumerateArray().Select(e => e.GetString()!).ToArray();
        var byOther = await otherOnB.RollbackAsync(ExecutionId(executed));
        var rolledBack = await onB.RollbackAsync(ExecutionId(executed));
        var again = await onA.RollbackAsync(ExecutionId(executed));

        // Another caller cannot see it on any replica; its own caller rolls it back on B; A then finds nothing left.
        Assert.True(byOther.IsError);
        Assert.Contains("Unknown execution", CodeModeClients.Text(byOther), StringComparison.Ordinal);
        Assert.NotEqual(true, rolledBack.IsError);
        Assert.Equal([$"created {ids[0]}", $"created {ids[1]}", $"deleted {ids[1]}", $"deleted {ids[0]}"], CardTools.HistoryOf(board));
        Assert.NotEqual(true, again.IsError);
        Assert.Empty(again.StructuredContent!.Value.GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task The_shared_store_keeps_at_most_MaxExecutions()
    {
        var bounded = new Dictionary<string, string?> { ["McpPlatform:Rollback:MaxExecutions"] = "2" };
        await using var a = await StartAsync(bounded);
        await using var b = await StartAsync(bounded);
        await using var onA = await a.ConnectCodeModeAsync();
        await using var onB = await b.ConnectCodeModeAsync();
        var board = NewBoard();

        var executions = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            executions.Add(ExecutionId(await (i % 2 == 0 ? onA : onB).ExecuteAsync($$"""async () => (await codemode.create_card({ board: "{{board}}", title: "t{{i}}" })).id""")));
        }

        var oldest = await onB.RollbackAsync(executions[0]);
        var newest = await onB.RollbackAsync(executions[2]);

        Assert.True(oldest.IsError);
        Assert.Contains("Unknown execution", CodeModeClients.Text(oldest), StringComparison.Ordinal);
        Assert.NotEqual(true, newest.IsError);
        Assert.Equal(["undone"], newest.StructuredContent!.Value.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task The_TypeScript_client_executes_on_one_replica_and_rolls_back_on_the_other()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        var board = NewBoard();

        var seen = await RollbackClients.RunTypeScriptAsync(a.CodeModeUri(), b.CodeModeUri(), board, a.MintToken(), b.MintToken());

        var ids = seen["execute"]!["structuredContent"]!["result"]!.AsArray().Select(id => (string)id!).ToArray();
        Assert.Equal(["undone", "undone"], RollbackClients.States(seen["rollback"]));
        Assert.Equal([$"created {ids[0]}", $"created {ids[1]}", $"deleted {ids[1]}", $"deleted {ids[0]}"], CardTools.HistoryOf(board));
        RollbackClients.AssertListedNone(seen, ids);
    }

    private Task<RunningServer> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? [])
        {
            ["McpPlatform:Redis:Configuration"] = Redis.Configuration,
            ["McpPlatform:Redis:KeyPrefix"] = _prefix, // one per test: its replicas share it, other tests do not
        };
        return RunningServer.StartAsync(Setup() with { Issuer = Issuer, Settings = all });
    }
}
