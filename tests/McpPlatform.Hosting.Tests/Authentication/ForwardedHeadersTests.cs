using System.Net;
using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Authentication;

/// <summary>
/// Behind a TLS-terminating proxy the server sees http:// and the proxy's upstream host. With
/// McpPlatform:ForwardedHeaders on, X-Forwarded-Proto/Host from a listed proxy (here a loopback
/// client playing the proxy) give the public scheme and host; from anyone else, or with the
/// setting off, they are ignored. A configured resource URI always decides resource_metadata.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string PublicHost = "mcp.example.com";
    private const string PublicMetadata = $"https://{PublicHost}/.well-known/oauth-protected-resource/mcp";

    private static readonly Dictionary<string, string?> ProxyIsLoopback = new()
    {
        ["McpPlatform:ForwardedHeaders:Enabled"] = "true",
        ["McpPlatform:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["McpPlatform:AllowedHosts:0"] = PublicHost,
        ["McpPlatform:AllowedHosts:1"] = "127.0.0.1",
    };

    [Fact]
    public async Task Challenge_names_the_configured_resource_origin_not_the_request_scheme_and_host()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Issuer = issuer,
            Settings = new Dictionary<string, string?> { ["McpPlatform:Authentication:Resource"] = $"https://{PublicHost}/mcp" },
        });

        using var response = await SendAsync(server, forwarded: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains($"resource_metadata=\"{PublicMetadata}\"", BearerChallenges.WwwAuthenticate(response));
    }

    [Fact]
    public async Task Forwarded_proto_and_host_from_a_known_proxy_give_the_public_challenge_metadata_and_audience()
    {
        await using var server = await RunningServer.StartAsync(new ServerSetup { Settings = ProxyIsLoopback });

        using var challenged = await SendAsync(server, forwarded: true);
        using var metadata = await GetMetadataAsync(server, forwarded: true);
        using var accepted = await SendAsync(server, forwarded: true, token: server.MintToken(audience: $"https://{PublicHost}/mcp"));

        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        Assert.Contains($"resource_metadata=\"{PublicMetadata}\"", BearerChallenges.WwwAuthenticate(challenged));
        Assert.Equal($"https://{PublicHost}/mcp", (string?)JsonNode.Parse(await metadata.Content.ReadAsStringAsync())!["resource"]);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_when_not_configured()
    {
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Settings = new Dictionary<string, string?> { ["McpPlatform:AllowedHosts:0"] = PublicHost, ["McpPlatform:AllowedHosts:1"] = "127.0.0.1" },
        });

        using var challenged = await SendAsync(server, forwarded: true);
        using var refused = await SendAsync(server, forwarded: true, token: server.MintToken(audience: $"https://{PublicHost}/mcp"));

        Assert.Contains(BearerChallenges.ResourceMetadataParameter(server.BaseUri), BearerChallenges.WwwAuthenticate(challenged));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_known_proxy_are_ignored()
    {
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Settings = new Dictionary<string, string?>(ProxyIsLoopback) { ["McpPlatform:ForwardedHeaders:KnownProxies:0"] = "192.0.2.10" },
        });

        using var challenged = await SendAsync(server, forwarded: true);

        Assert.Contains(BearerChallenges.ResourceMetadataParameter(server.BaseUri), BearerChallenges.WwwAuthenticate(challenged));
    }

    [Theory]
    [InlineData("McpPlatform:ForwardedHeaders:KnownProxies:0", "not-an-address", "McpPlatform:ForwardedHeaders:KnownProxies:0 must be an IP address")]
    [InlineData("McpPlatform:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "McpPlatform:ForwardedHeaders:KnownNetworks:0 must be a network in CIDR form")]
    [InlineData("McpPlatform:ForwardedHeaders:ForwardLimit", "0", "McpPlatform:ForwardedHeaders:ForwardLimit must be between 1 and 10")]
    public async Task Bad_forwarded_headers_setting_refuses_to_start_naming_it(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { ["McpPlatform:ForwardedHeaders:Enabled"] = "true", ["McpPlatform:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1", [key] = value };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningServer.StartAsync(new ServerSetup { Settings = settings }));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Enabling_forwarded_headers_without_a_proxy_refuses_to_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningServer.StartAsync(new ServerSetup
        {
            Settings = new Dictionary<string, string?> { ["McpPlatform:ForwardedHeaders:Enabled"] = "true" },
        }));

        Assert.Contains("McpPlatform:ForwardedHeaders:Enabled=true needs McpPlatform:ForwardedHeaders:KnownProxies", error.Message);
    }

    private static async Task<HttpResponseMessage> SendAsync(RunningServer server, bool forwarded, string? token = null)
    {
        using var http = new HttpClient();
        using var request = RawMcpRequest.Initialize(server.McpUri, token: token);
        Forward(request, forwarded);
        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetMetadataAsync(RunningServer server, bool forwarded)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUri, "/.well-known/oauth-protected-resource"));
        Forward(request, forwarded);
        return await http.SendAsync(request);
    }

    private static void Forward(HttpRequestMessage request, bool forwarded)
    {
        if (forwarded)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", PublicHost);
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }
    }
}
