using System.Buffers.Text;
using System.Net;
using System.Text.Json;

namespace McpPlatform.Testing.Tests;

public sealed class DiscoveryTests : IAsyncLifetime
{
    private TestOidcIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await TestOidcIssuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task Discovery_document_names_the_issuer_and_its_jwks_uri()
    {
        using var http = LoopbackHttp();

        using var response = await http.GetAsync(_issuer.DiscoveryUri);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_issuer.Issuer, document.RootElement.GetProperty("issuer").GetString());
        Assert.Equal(_issuer.BaseAddress + "jwks", document.RootElement.GetProperty("jwks_uri").GetString());
        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", _issuer.Issuer);
    }

    [Fact]
    public async Task Jwks_publishes_the_active_rsa_public_key_and_nothing_private()
    {
        using var http = LoopbackHttp();

        using var document = JsonDocument.Parse(await http.GetStringAsync(_issuer.JwksUri));

        var key = Assert.Single(document.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal(_issuer.ActiveKeyId, key.GetProperty("kid").GetString());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal(2048 / 8, Base64Url.DecodeFromChars(key.GetProperty("n").GetString()).Length);
        Assert.Equal(["alg", "e", "kid", "kty", "n", "use"], key.EnumerateObject().Select(member => member.Name).Order());
    }

    [Fact]
    public async Task Configuration_retriever_reads_discovery_and_the_signing_keys()
    {
        using var validator = new DiscoveryValidator(_issuer);

        var configuration = await validator.Configuration.GetConfigurationAsync(CancellationToken.None);

        Assert.Equal(_issuer.Issuer, configuration.Issuer);
        Assert.Equal(_issuer.JwksUri.AbsoluteUri, configuration.JwksUri);
        var key = Assert.Single(configuration.SigningKeys);
        Assert.Equal(_issuer.ActiveKeyId, key.KeyId);
        Assert.Equal(1, _issuer.DiscoveryRequests);
        Assert.Equal(1, _issuer.JwksRequests);
    }

    [Fact]
    public async Task Every_fetch_is_counted()
    {
        using var http = LoopbackHttp();

        await http.GetStringAsync(_issuer.DiscoveryUri);
        await http.GetStringAsync(_issuer.DiscoveryUri);
        await http.GetStringAsync(_issuer.JwksUri);

        Assert.Equal(2, _issuer.DiscoveryRequests);
        Assert.Equal(1, _issuer.JwksRequests);
    }

    internal static HttpClient LoopbackHttp() => new(new SocketsHttpHandler { UseProxy = false });
}
