namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>A portal with no upstreams (and no approved manifest) still serves MCP: an empty list, and Code Mode's two tools.</summary>
public sealed class EmptyPortalTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private PortalHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(_folder.Path, new Dictionary<string, string?>());

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Tools_list_is_empty_and_code_mode_offers_search_and_execute()
    {
        await using var client = await _portal.ConnectAsync(PortalCaller.Engineer);
        await using var codeMode = await _portal.ConnectAsync(PortalCaller.Engineer, "/mcp?codemode=search_and_execute");

        Assert.Empty(await client.ToolNamesAsync());
        Assert.Equal(["execute", "search"], await codeMode.ToolNamesAsync());
        var unknown = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => client.CallToolAsync("lab_lookup").AsTask());
        Assert.Contains("lab_lookup", unknown.Message);
    }
}
