using McpPlatform.Secrets.LocalStore;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>
/// The portal fronts an HTTP API from its OpenAPI document (<c>McpPlatform:Portal:OpenApiUpstreams</c>) like an upstream:
/// the offered operations are governed tools beside the MCP upstreams' (writes denied by default, calls audited under the
/// upstream's namespace), called host-side with the credential from the portal's secret store.
/// </summary>
public sealed class OpenApiUpstreamTests : IAsyncLifetime
{
    private const string Secret = "portal-inv-token-7Yh3Kd9Qw2";
    private readonly TemporaryFolder _folder = new();
    private LoopbackApi _api = null!;
    private PortalHost _portal = null!;

    public async Task InitializeAsync()
    {
        _api = await LoopbackApi.StartAsync();
        await LocalSecretStore.Open(Path.Combine(_folder.Path, "secrets")).SetAsync("inventory-token", Secret);
        _portal = await PortalHost.StartAsync(_folder.Path, new Dictionary<string, string?>
        {
            ["McpPlatform:Portal:OpenApiUpstreams:inv:Document"] = LoopbackApi.DocumentPath,
            ["McpPlatform:Portal:OpenApiUpstreams:inv:AllowedTools:0"] = "get_item",
            ["McpPlatform:Portal:OpenApiUpstreams:inv:AllowedTools:1"] = "create_item",
            ["McpPlatform:Portal:OpenApiUpstreams:inv:AllowedTools:2"] = "whoami",
            ["McpPlatform:OpenApi:Apis:inv:BaseUrl"] = _api.BaseUrl.AbsoluteUri,
            ["McpPlatform:OpenApi:Apis:inv:Credential:Kind"] = "Bearer",
            ["McpPlatform:OpenApi:Apis:inv:Credential:Secret"] = "inventory-token",
        });
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Offered_operations_are_governed_portal_tools_called_with_the_portals_credential()
    {
        await using var client = await _portal.ConnectAsync(PortalCaller.Engineer);

        var names = (await client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var item = await client.CallToolAsync("inv_get_item", new Dictionary<string, object?> { ["itemId"] = "via portal" });
        var write = await client.CallToolAsync("inv_create_item", new Dictionary<string, object?> { ["body"] = new { name = "x" } });
        var whoami = await client.CallToolAsync("inv_whoami");

        Assert.Equal(["inv_get_item", "inv_whoami"], names); // create_item is a Write: default-deny hides it; list_items is not offered
        Assert.NotEqual(true, item.IsError);
        Assert.Equal("/api/items/via%20portal", item.StructuredContent!.Value.GetProperty("rawTarget").GetString());
        Assert.True(write.IsError);
        Assert.DoesNotContain(_api.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
        Assert.Contains("Bearer " + Secret, Assert.Single(_api.CredentialsSeen));
        var whoamiText = Assert.IsType<TextContentBlock>(Assert.Single(whoami.Content)).Text;
        Assert.DoesNotContain(Secret, whoamiText);
        Assert.Contains("Bearer [credential]", whoamiText);

        await PortalHost.Eventually(
            () => _portal.AuditRecords().Any(r => r.TryGetProperty("Tool", out var tool) && tool.GetString() == "inv_whoami" && r.GetProperty("Kind").GetString() == "request"),
            "the call of inv_whoami is audited");
        var records = _portal.AuditRecords();
        var call = records.First(r => r.TryGetProperty("Tool", out var tool) && tool.GetString() == "inv_whoami" && r.GetProperty("Kind").GetString() == "request");
        Assert.Equal("inv", call.GetProperty("Upstream").GetString());
        Assert.All(records, record => Assert.DoesNotContain(Secret, record.GetRawText()));
    }
}
