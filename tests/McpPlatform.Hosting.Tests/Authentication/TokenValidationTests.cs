using System.Net;
using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Authentication;

/// <summary>The resource server against a real loopback OIDC issuer: which tokens get in, and what a refusal says.</summary>
public sealed class TokenValidationTests(IssuerServerFixture fixture) : IClassFixture<IssuerServerFixture>
{
    private RunningServer Server => fixture.Server;

    private string Audience => Server.McpUri.AbsoluteUri;

    [Fact]
    public async Task Valid_token_from_the_issuer_lists_tools()
    {
        await using var client = await Server.ConnectClientAsync(GovernedPolicy.Reader);

        var tools = await client.ListToolsAsync();

        Assert.Contains(tools, t => t.Name == "echo");
    }

    [Theory]
    [InlineData("expired", "the token has expired")]
    [InlineData("not-yet-valid", "the token is not valid yet")]
    [InlineData("wrong-audience", "the token's audience is not this server's resource URI")]
    [InlineData("wrong-issuer", "the token was not issued by the trusted issuer")]
    [InlineData("tampered-signature", "the token's signature is not valid")]
    [InlineData("alg-none", "the token's signature is not valid")]
    [InlineData("hs256-with-public-key", "the token's signature is not valid")]
    [InlineData("unknown-kid", "the token is signed with an unknown key")]
    [InlineData("id-token-typ", "the token is not an access token (typ)")]
    [InlineData("logout-token-typ", "the token is not an access token (typ)")]
    [InlineData("empty-typ", "the token is not an access token (typ)")]
    public async Task Invalid_token_is_refused_with_401_invalid_token_and_resource_metadata(string forgery, string description)
    {
        var token = Forge(forgery);

        using var response = await BearerChallenges.SendInitializeAsync(Server.McpUri, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = BearerChallenges.WwwAuthenticate(response);
        Assert.StartsWith("Bearer ", challenge);
        Assert.Contains(BearerChallenges.ResourceMetadataParameter(Server.BaseUri), challenge);
        Assert.Contains("error=\"invalid_token\"", challenge);
        Assert.True(
            challenge.Contains($"error_description=\"{description}\"", StringComparison.Ordinal), $"WWW-Authenticate: {challenge}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, challenge + body);
    }

    [Theory]
    [InlineData("at+jwt")]
    [InlineData("application/at+jwt")]
    [InlineData("JWT")]
    [InlineData("jwt")]
    public async Task Access_token_types_are_accepted(string type)
    {
        var token = fixture.Issuer.MintToken(new TestTokenOptions { Audience = Audience, Scopes = [TestCaller.ReadScope], TokenType = type });

        await using var client = await Server.ConnectWithTokenAsync(token);

        Assert.NotEmpty(await client.ListToolsAsync());
    }

    [Fact]
    public async Task Missing_token_is_refused_with_401_and_resource_metadata_but_no_error()
    {
        using var response = await BearerChallenges.SendInitializeAsync(Server.McpUri, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = BearerChallenges.WwwAuthenticate(response);
        Assert.Contains(BearerChallenges.ResourceMetadataParameter(Server.BaseUri), challenge);
        Assert.DoesNotContain("error=", challenge);
    }

    [Fact]
    public async Task Token_without_the_read_scope_is_refused_with_403_insufficient_scope()
    {
        var token = Server.MintToken(GovernedPolicy.Reader with { Scopes = ["profile"] });

        using var response = await BearerChallenges.SendInitializeAsync(Server.McpUri, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = BearerChallenges.WwwAuthenticate(response);
        Assert.Contains("error=\"insufficient_scope\"", challenge);
        Assert.Contains("scope=\"mcp:read\"", challenge);
        Assert.Contains(BearerChallenges.ResourceMetadataParameter(Server.BaseUri), challenge);
    }

    [Fact]
    public async Task Protected_resource_metadata_names_the_resource_issuer_scopes_and_header_bearer()
    {
        using var http = Server.CreateHttpClient();

        using var response = await http.GetAsync("/.well-known/oauth-protected-resource");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var metadata = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(Audience, (string?)metadata["resource"]);
        Assert.Equal([fixture.Issuer.Issuer], Strings(metadata["authorization_servers"]));
        Assert.Equal(["mcp:read", "mcp:write", "mcp:destructive"], Strings(metadata["scopes_supported"]));
        Assert.Equal(["header"], Strings(metadata["bearer_methods_supported"]));
    }

    [Fact]
    public async Task Path_suffixed_metadata_url_of_rfc_9728_serves_the_same_document_as_the_root()
    {
        using var http = Server.CreateHttpClient();

        using var root = await http.GetAsync("/.well-known/oauth-protected-resource");
        using var suffixed = await http.GetAsync("/.well-known/oauth-protected-resource/mcp");
        using var other = await http.GetAsync("/.well-known/oauth-protected-resource/other");

        Assert.Equal(HttpStatusCode.OK, suffixed.StatusCode);
        Assert.Equal(await root.Content.ReadAsStringAsync(), await suffixed.Content.ReadAsStringAsync());
        Assert.Equal(Audience, (string?)JsonNode.Parse(await suffixed.Content.ReadAsStringAsync())!["resource"]);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Challenge_without_a_token_names_the_path_suffixed_metadata_and_the_read_scope_to_ask_for()
    {
        using var response = await BearerChallenges.SendInitializeAsync(Server.McpUri, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = BearerChallenges.WwwAuthenticate(response);
        Assert.Contains($"resource_metadata=\"{new Uri(Server.BaseUri, "/.well-known/oauth-protected-resource/mcp").AbsoluteUri}\"", challenge);
        Assert.Contains("scope=\"mcp:read\"", challenge);
        Assert.DoesNotContain("error=", challenge);
    }

    private string Forge(string forgery)
    {
        var valid = new TestTokenOptions { Audience = Audience, Scopes = [TestCaller.ReadScope] };
        var now = DateTimeOffset.UtcNow;
        return forgery switch
        {
            // Past the 30 s clock skew the server tolerates, either way.
            "expired" => fixture.Issuer.MintToken(valid with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-10) }),
            "not-yet-valid" => fixture.Issuer.MintToken(valid with { NotBefore = now.AddMinutes(10), Expires = now.AddHours(1) }),
            "wrong-audience" => fixture.Issuer.MintToken(valid with { Audience = "http://127.0.0.1:1/mcp" }),
            "wrong-issuer" => fixture.Issuer.MintToken(valid with { IssuerOverride = "http://127.0.0.1:1/another-issuer" }),
            "tampered-signature" => fixture.Issuer.TamperSignature(fixture.Issuer.MintToken(valid)),
            "alg-none" => fixture.Issuer.MintUnsignedToken(valid),
            "hs256-with-public-key" => fixture.Issuer.MintHs256WithPublicKey(valid),
            "unknown-kid" => fixture.Issuer.MintWithUnknownKey(valid),
            "id-token-typ" => fixture.Issuer.MintToken(valid with { TokenType = "id_token+jwt" }),
            "logout-token-typ" => fixture.Issuer.MintToken(valid with { TokenType = "logout+jwt" }),
            "empty-typ" => fixture.Issuer.MintToken(valid with { TokenType = "" }),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery), forgery, "No such forgery."),
        };
    }

    private static string[] Strings(JsonNode? array) =>
        Assert.IsType<JsonArray>(array).Select(n => (string)n!).ToArray();
}
