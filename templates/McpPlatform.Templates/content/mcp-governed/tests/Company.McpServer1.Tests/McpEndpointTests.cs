using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Company.McpServer1.Tests;

/// <summary>Runs the server on Kestrel (127.0.0.1, a free port) and calls it as an MCP client would.</summary>
public sealed class McpEndpointTests : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _factory = new();
    private McpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var http = _factory.CreateClient();
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            http,
            ownsHttpClient: true);
        _client = await McpClient.CreateAsync(transport);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Lists_the_three_tools_with_access_annotations()
    {
        var tools = await _client.ListToolsAsync();

        Assert.Equal(["create_issue", "get_issue", "search_issues"], tools.Select(t => t.Name).Order());
        Assert.True(tools.Single(t => t.Name == "get_issue").ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.NotEqual(true, tools.Single(t => t.Name == "create_issue").ProtocolTool.Annotations?.ReadOnlyHint);
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
    public async Task Bad_argument_is_a_tool_error_naming_the_argument()
    {
        var result = await _client.CallToolAsync("get_issue", new Dictionary<string, object?> { ["key"] = 42 });

        Assert.True(result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Contains("key", text);
    }
}
