using System.Net;
using McpPlatform.Governance;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests;

public sealed class SessionModeTests
{
    private const string SessionHeader = "Mcp-Session-Id";

    [Fact]
    public async Task Stateless_is_the_default_and_sends_no_session_id()
    {
        await using var server = await RunningServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, token: server.MintToken()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(SessionHeader), "a stateless server sent Mcp-Session-Id");
    }

    [Fact]
    public async Task Stateful_sends_a_session_id()
    {
        await using var server = await RunningServer.StartAsync(options => options.SessionMode = McpSessionMode.Stateful);
        using var http = server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, token: server.MintToken()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TryGetValues(SessionHeader, out var values), "a stateful server sent no Mcp-Session-Id");
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(values)));
    }

    [Fact]
    public async Task Stateful_mode_binds_from_configuration_and_serves_tools()
    {
        await using var server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["McpPlatform:SessionMode"] = "Stateful",
        });
        await using var client = await server.ConnectClientAsync();

        var result = await client.CallAsync("echo", """{"text":"stateful"}""");

        Assert.False(string.IsNullOrEmpty(client.SessionId));
        Assert.Equal("stateful", result.SingleText());
    }
}
