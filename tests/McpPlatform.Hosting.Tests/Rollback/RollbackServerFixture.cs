using McpPlatform.Fixtures.Rollback;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Rollback;

/// <summary>A server with the sample tools plus the card tools that declare inverses, so it offers <c>rollback</c>.</summary>
public sealed class RollbackServerFixture : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RunningServer.StartAsync(RollbackServers.Setup());

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Set-up and client helpers shared by the rollback tests.</summary>
internal static class RollbackServers
{
    public static ServerSetup Setup(string? auditDirectory = null) => new()
    {
        ExtraTools = RollbackCatalog.Catalog.Tools,
        AuditDirectory = auditDirectory,
    };

    /// <summary>A board name of the test's own, so tests running at once never share cards.</summary>
    public static string NewBoard() => "board-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The execution id a result carries in _meta.</summary>
    public static string ExecutionId(ModelContextProtocol.Protocol.CallToolResult result)
    {
        Assert.True(result.Meta is not null && result.Meta.ContainsKey("mcpplatform/executionId"), "The result carries no execution id in _meta.");
        return result.Meta!["mcpplatform/executionId"]!.GetValue<string>();
    }

    public static async Task<ModelContextProtocol.Protocol.CallToolResult> RollbackAsync(this ModelContextProtocol.Client.McpClient client, string executionId) =>
        await client.CallToolAsync("rollback", new Dictionary<string, object?> { ["executionId"] = executionId });
}
