using System.Net;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Authentication;

/// <summary>
/// In Development the resource URI (the audience a token must carry) comes from the request; the
/// Host header is the caller's to write, so the port is the one the connection arrived on: a token
/// minted for another local server is refused even when the request names that server's port.
/// </summary>
public sealed class DevelopmentResourceTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private RunningServer Server => fixture.Server;

    private int OtherPort => Server.McpUri.Port == 65535 ? Server.McpUri.Port - 1 : Server.McpUri.Port + 1;

    [Fact]
    public async Task Token_for_another_local_port_is_refused_even_when_the_host_header_names_that_port()
    {
        var token = Server.MintToken(audience: $"http://127.0.0.1:{OtherPort}/mcp");

        using var response = await SendAsync(host: $"127.0.0.1:{OtherPort}", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error_description=\"the token's audience is not this server's resource URI\"", BearerChallenges.WwwAuthenticate(response));
    }

    [Fact]
    public async Task Token_for_another_local_port_is_refused()
    {
        var token = Server.MintToken(audience: $"http://127.0.0.1:{OtherPort}/mcp");

        using var response = await SendAsync(host: null, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Token_for_this_port_is_accepted_under_either_loopback_name(string name)
    {
        var port = Server.McpUri.Port;
        var token = Server.MintToken(audience: $"http://{name}:{port}/mcp");

        using var response = await SendAsync(host: $"{name}:{port}", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Resource_metadata_names_the_port_the_server_listens_on_whatever_the_host_header_says()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.BaseUri, "/.well-known/oauth-protected-resource"));
        request.Headers.Host = $"127.0.0.1:{OtherPort}";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"\"resource\":\"http://127.0.0.1:{Server.McpUri.Port}/mcp\"", await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> SendAsync(string? host, string token)
    {
        using var http = new HttpClient();
        using var request = RawMcpRequest.Initialize(Server.McpUri, host: host, token: token);
        return await http.SendAsync(request);
    }
}
