using System.Net;
using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.AspNetCore.Http;

namespace McpPlatform.Hosting.Tests;

public sealed class DnsRebindingTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public async Task Foreign_host_header_is_forbidden()
    {
        using var http = fixture.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequest.Initialize(fixture.Server.McpUri, host: "evil.example.com"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("Forbidden: Host", (string?)body["error"]!["message"]);
        Assert.DoesNotContain("evil.example.com", body.ToJsonString());
    }

    [Fact]
    public async Task Foreign_host_with_a_loopback_port_is_forbidden()
    {
        using var http = fixture.Server.CreateHttpClient();

        using var response = await http.SendAsync(
            RawMcpRequest.Initialize(fixture.Server.McpUri, host: "evil.example.com:" + fixture.Server.BaseUri.Port));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Foreign_origin_with_a_loopback_host_is_forbidden()
    {
        using var http = fixture.Server.CreateHttpClient();

        using var response = await http.SendAsync(
            RawMcpRequest.Initialize(fixture.Server.McpUri, origin: "http://evil.example.com"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("Forbidden: Origin", (string?)body["error"]!["message"]);
    }

    [Theory]
    [InlineData("localhost", "http://localhost")]
    [InlineData("127.0.0.1", "http://127.0.0.1")]
    [InlineData("[::1]", "http://[::1]")]
    public async Task Loopback_host_and_origin_are_allowed(string host, string origin)
    {
        using var http = fixture.Server.CreateHttpClient();
        var port = fixture.Server.BaseUri.Port;

        var token = TokenFor(fixture.Server, $"{host}:{port}");

        using var response = await http.SendAsync(
            RawMcpRequest.Initialize(fixture.Server.McpUri, host: $"{host}:{port}", origin: $"{origin}:{port}", token: token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_without_origin_from_a_loopback_host_is_allowed()
    {
        using var http = fixture.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequest.Initialize(fixture.Server.McpUri, token: fixture.Server.MintToken()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_probe_is_exempt_from_the_host_check()
    {
        using var http = fixture.Server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Server.HealthUri);
        request.Headers.Host = "10.1.2.3";
        request.Headers.Add("Origin", "http://evil.example.com");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Configured_allowed_host_is_accepted_and_replaces_the_loopback_default()
    {
        await using var server = await RunningServer.StartAsync(options => options.AllowedHosts = ["mcp.example.com"]);
        using var http = server.CreateHttpClient();

        var token = TokenFor(server, "mcp.example.com");

        using var allowed = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, host: "mcp.example.com", token: token));
        using var allowedWithOrigin = await http.SendAsync(
            RawMcpRequest.Initialize(server.McpUri, host: "mcp.example.com", origin: "https://mcp.example.com", token: token));
        using var loopback = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, token: server.MintToken()));
        using var other = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, host: "evil.example.com"));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowedWithOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, loopback.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Configured_allowed_origin_is_accepted_from_another_host()
    {
        await using var server = await RunningServer.StartAsync(options => options.AllowedOrigins = ["https://app.example.com"]);
        using var http = server.CreateHttpClient();

        using var allowed = await http.SendAsync(
            RawMcpRequest.Initialize(server.McpUri, origin: "https://app.example.com", token: server.MintToken()));
        using var other = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, origin: "https://other.example.com"));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Allowed_hosts_bind_from_configuration()
    {
        await using var server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["McpPlatform:AllowedHosts:0"] = "*.example.com",
        });
        using var http = server.CreateHttpClient();

        using var subdomain = await http.SendAsync(
            RawMcpRequest.Initialize(server.McpUri, host: "mcp.example.com", token: TokenFor(server, "mcp.example.com")));
        using var lookalike = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, host: "mcp.example.com.evil.test"));

        Assert.Equal(HttpStatusCode.OK, subdomain.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, lookalike.StatusCode);
    }

    /// <summary>
    /// A token for the server as reached through the host name <paramref name="host"/>: in Development the
    /// resource URI (the audience a token must carry) is the URL the request came in on, with the port the
    /// connection arrived on (the Host header's port is the caller's to write, so it is not believed).
    /// </summary>
    private static string TokenFor(RunningServer server, string host) =>
        server.MintToken(audience: $"http://{new HostString(host).Host}:{server.McpUri.Port}{server.McpUri.AbsolutePath}");
}
