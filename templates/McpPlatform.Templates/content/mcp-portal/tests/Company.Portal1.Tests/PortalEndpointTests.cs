using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ModelContextProtocol.Client;

namespace Company.Portal1.Tests;

/// <summary>
/// Runs the portal on Kestrel (127.0.0.1, a free port) in Development, where it trusts the development issuer, and
/// calls it as an MCP client would, with a token from that issuer. The scaffold declares no upstream, so the tool
/// list is empty; when you add upstreams, add tests here that start them (or a stand-in server) on loopback.
/// </summary>
public sealed class PortalEndpointTests : IAsyncLifetime
{
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"mcp-dev-issuer-{Guid.NewGuid():N}.json");
    private readonly WebApplicationFactory<Program> _factory;
    private Uri _endpoint = null!;

    public PortalEndpointTests() =>
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseEnvironment("Development")
            .UseSetting("McpPlatform:Authentication:DevelopmentIssuer:KeyFile", _keyFile));

    public Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        using var http = _factory.CreateClient();
        _endpoint = new Uri(http.BaseAddress!, "/mcp");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        File.Delete(_keyFile);
    }

    [Fact]
    public async Task With_no_upstream_the_tool_list_is_empty()
    {
        await using var client = await ConnectAsync(Token(scopes: ["mcp:read"]));

        Assert.Empty(await client.ListToolsAsync());
    }

    [Fact]
    public async Task Code_mode_offers_exactly_search_and_execute()
    {
        await using var client = await ConnectAsync(Token(scopes: ["mcp:read"]), query: "?codemode=search_and_execute");

        Assert.Equal(["execute", "search"], (await client.ListToolsAsync()).Select(t => t.Name).Order());
    }

    [Fact]
    public async Task Without_a_token_the_portal_answers_401_with_resource_metadata()
    {
        using var http = _factory.CreateClient();
        using var response = await http.PostAsync("/mcp", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("resource_metadata=", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Is_ready_with_no_upstream()
    {
        using var http = _factory.CreateClient();
        using var ready = await http.GetAsync("/healthz/ready");

        Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
    }

#if (CodeMode)
    [Fact]
    public async Task Code_mode_is_the_default_surface()
    {
        await using var client = await ConnectAsync(Token(scopes: ["mcp:read"]), query: "");

        Assert.Equal(["execute", "search"], (await client.ListToolsAsync()).Select(t => t.Name).Order());
    }

#endif
    private string Token(string[] scopes, string[]? groups = null) =>
        McpPlatform.Governance.Authentication.DevelopmentIssuer.LoadOrCreate(_keyFile)
            .MintToken(new("tester", _endpoint.ToString()) { Scopes = scopes, Groups = groups ?? [] });

    // ?codemode=tools: the plain tool list even when Code Mode (search + execute) is the configured default.
    private async Task<McpClient> ConnectAsync(string token, string query = "?codemode=tools")
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(_endpoint + query),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
            },
            _factory.CreateClient(),
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }
}
