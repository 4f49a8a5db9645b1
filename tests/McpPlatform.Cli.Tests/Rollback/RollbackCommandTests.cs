using System.Text.Json;
using McpPlatform.Cli.Tests.Tokens;
using McpPlatform.Fixtures.Rollback;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Cli.Tests.Rollback;

/// <summary>
/// <c>mcp-platform rollback</c> against the card fixture served on real Kestrel: it undoes an execution the same caller ran
/// through Code Mode, reports a failure with exit code 1, and refuses bad input with exit code 2.
/// </summary>
public sealed class RollbackCommandTests
{
    // The CLI declares no elicitation capability, so it cannot answer approval questions: this server asks none.
    private static readonly Dictionary<string, string?> NoApprovals = new() { ["McpPlatform:Approval:Enabled"] = "false" };

    [Fact]
    public async Task Rollback_undoes_an_execution_in_reverse_order_and_exits_0()
    {
        await using var server = await WorkplaceServer.StartAsync(NoApprovals, RollbackCatalog.Catalog);
        var token = server.MintToken();
        var board = "cli-" + Guid.NewGuid().ToString("N")[..10];
        var executionId = await ExecuteAsync(server, token, $$"""
            async () => {
              const a = await codemode.create_card({ board: "{{board}}", title: "a" });
              const b = await codemode.create_card({ board: "{{board}}", title: "b" });
              return [a.id, b.id];
            }
            """);
        var ids = CardTools.HistoryOf(board).Select(h => h.Split(' ')[1]).ToArray();

        var run = await CliRun.RunAsync("rollback", executionId, "--url", server.McpUri.AbsoluteUri, "--token", token);

        run.EnsureSuccess();
        Assert.Contains($"Rolled back execution {executionId}: 2 call(s) undone.", run.Stdout, StringComparison.Ordinal);
        Assert.Equal([$"created {ids[0]}", $"created {ids[1]}", $"deleted {ids[1]}", $"deleted {ids[0]}"], CardTools.HistoryOf(board));
        Assert.DoesNotContain(token, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_rollback_exits_1_and_prints_what_was_not_undone_as_json_when_asked()
    {
        await using var server = await WorkplaceServer.StartAsync(NoApprovals, RollbackCatalog.Catalog);
        var token = server.MintToken();
        var board = "cli-" + Guid.NewGuid().ToString("N")[..10];
        var executionId = await ExecuteAsync(server, token, $$"""
            async () => {
              const a = await codemode.create_card({ board: "{{board}}", title: "a" });
              await codemode.pin_card({ board: "{{board}}", id: a.id });
              return a.id;
            }
            """);

        var run = await CliRun.RunAsync("rollback", executionId, "--url", server.McpUri.AbsoluteUri, "--token", token, "--json");

        Assert.Equal(1, run.ExitCode);
        using var report = JsonDocument.Parse(run.Stdout);
        Assert.False(report.RootElement.GetProperty("completed").GetBoolean());
        Assert.Equal(
            [("pin_card", "failed"), ("create_card", "not_attempted")],
            report.RootElement.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("tool").GetString(), s.GetProperty("state").GetString())));
    }

    [Fact]
    public async Task An_unknown_execution_exits_1_and_a_missing_url_is_a_usage_error()
    {
        await using var server = await WorkplaceServer.StartAsync(catalog: RollbackCatalog.Catalog);

        var unknown = await CliRun.RunAsync("rollback", "exec_nothing", "--url", server.McpUri.AbsoluteUri, "--token", server.MintToken());
        var noUrl = await CliRun.RunAsync("rollback", "exec_nothing");
        var noToken = await CliRun.RunAsync("rollback", "exec_nothing", "--url", server.McpUri.AbsoluteUri);

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Unknown execution 'exec_nothing'", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, noUrl.ExitCode);
        Assert.Contains("--url", noUrl.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, noToken.ExitCode);
        Assert.Contains("401 Unauthorized", noToken.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_destructive_inverse_under_an_approval_rule_is_refused_from_the_cli_and_nothing_is_deleted()
    {
        await using var server = await WorkplaceServer.StartAsync(catalog: RollbackCatalog.Catalog);
        var token = server.MintToken();
        var board = "cli-" + Guid.NewGuid().ToString("N")[..10];
        var executionId = await ExecuteAsync(server, token, "async () => (await codemode.create_card({ board: '" + board + "', title: 'a' })).id");

        var run = await CliRun.RunAsync("rollback", executionId, "--url", server.McpUri.AbsoluteUri, "--token", token);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("- FAILED: create_card (by delete_card): Approval required", run.Stderr, StringComparison.Ordinal);
        Assert.Single(CardTools.HistoryOf(board));
    }

    private static async Task<string> ExecuteAsync(WorkplaceServer server, string token, string code)
    {
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(server.McpUri.AbsoluteUri + "?codemode=search_and_execute"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        }));
        var result = await client.CallToolAsync("execute", new Dictionary<string, object?> { ["code"] = code });
        Assert.True(result.IsError != true, string.Join('\n', result.Content.OfType<TextContentBlock>().Select(t => t.Text)));
        return result.Meta!["mcpplatform/executionId"]!.GetValue<string>();
    }
}
