using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Company.McpServer1.Tests;

/// <summary>
/// Runs the server on Kestrel (127.0.0.1, a free port) in Development, where it trusts the
/// development issuer, and calls it as an MCP client would, with a token from that issuer.
/// </summary>
public sealed class McpEndpointTests : IAsyncLifetime
{
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"mcp-dev-issuer-{Guid.NewGuid():N}.json");
    private readonly WebApplicationFactory<Program> _factory;
    private McpClient _client = null!;
    private Uri _endpoint = null!;

    public McpEndpointTests() =>
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseEnvironment("Development")
            .UseSetting("McpPlatform:Authentication:DevelopmentIssuer:KeyFile", _keyFile));

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        using var http = _factory.CreateClient();
        _endpoint = new Uri(http.BaseAddress!, "/mcp");
        _client = await ConnectAsync(Token(scopes: ["mcp:read", "mcp:write"], groups: ["issue-editors"]));
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _factory.DisposeAsync();
        File.Delete(_keyFile);
    }

    [Fact]
    public async Task Lists_the_tools_and_the_snippet_with_access_annotations()
    {
        var tools = await _client.ListToolsAsync();

        Assert.Equal(["create_issue", "get_issue", "search_issues", "snippet_issue_digest"], tools.Select(t => t.Name).Order());
        Assert.True(tools.Single(t => t.Name == "get_issue").ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.NotEqual(true, tools.Single(t => t.Name == "create_issue").ProtocolTool.Annotations?.ReadOnlyHint);
    }

    [Fact]
    public async Task The_snippet_chains_search_and_get()
    {
        var result = await _client.CallToolAsync("snippet_issue_digest", new Dictionary<string, object?> { ["text"] = "csv" });

        Assert.NotEqual(true, result.IsError);
        var digest = Assert.IsType<JsonElement>(result.StructuredContent).GetProperty("result");
        Assert.Equal(1, digest.GetProperty("total").GetInt32());
        Assert.Contains("CSV", digest.GetProperty("issues")[0].GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Search_returns_structured_content()
    {
        var result = await _client.CallToolAsync("search_issues", new Dictionary<string, object?> { ["text"] = "csv" });

        Assert.NotEqual(true, result.IsError);
        var structured = Assert.IsType<JsonElement>(result.StructuredContent);
        Assert.Equal(1, structured.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Without_a_token_the_server_answers_401_with_resource_metadata()
    {
        using var http = _factory.CreateClient();
        using var response = await http.PostAsync("/mcp", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("resource_metadata=", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Writes_are_denied_unless_a_rule_grants_them()
    {
        await using var readOnly = await ConnectAsync(Token(scopes: ["mcp:read"], groups: []));

        Assert.DoesNotContain("create_issue", (await readOnly.ListToolsAsync()).Select(t => t.Name));
        var denied = await readOnly.CallToolAsync("create_issue", new Dictionary<string, object?> { ["title"] = "Not allowed" });
        Assert.True(denied.IsError);
        Assert.Contains("default-deny-writes", Assert.IsType<TextContentBlock>(Assert.Single(denied.Content)).Text);

        var allowed = await _client.CallToolAsync("create_issue", new Dictionary<string, object?> { ["title"] = "Allowed by issue-editors-write" });
        Assert.NotEqual(true, allowed.IsError);
    }

    [Fact]
    public async Task Bad_argument_is_a_tool_error_naming_the_argument()
    {
        var result = await _client.CallToolAsync("get_issue", new Dictionary<string, object?> { ["key"] = 42 });

        Assert.True(result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Contains("key", text);
    }

#if (CodeMode)
    [Fact]
    public async Task Code_mode_is_the_default_surface()
    {
        await using var client = await ConnectAsync(Token(scopes: ["mcp:read"], groups: []), query: "");

        Assert.Equal(["execute", "search"], (await client.ListToolsAsync()).Select(t => t.Name).Order());
    }

#endif
    private string Token(string[] scopes, string[] groups) =>
        McpPlatform.Governance.Authentication.DevelopmentIssuer.LoadOrCreate(_keyFile)
            .MintToken(new("tester", _endpoint.ToString()) { Scopes = scopes, Groups = groups });

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
