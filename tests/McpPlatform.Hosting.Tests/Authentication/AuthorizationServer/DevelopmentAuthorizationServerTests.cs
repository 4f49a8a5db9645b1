using System.Net;
using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Tests.Authentication.AuthorizationServer;

/// <summary>
/// The embedded development authorization server from the outside: the official TypeScript SDK client signs in by itself
/// (registration, PKCE, consent, refresh, step-up), and the refusals a hand-made client can provoke. One server (Development,
/// development issuer, the governed policy: group "support" may open tickets with mcp:write) serves the class.
/// </summary>
public sealed class DevelopmentAuthorizationServerTests : IAsyncLifetime
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(90);
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(new ServerSetup
    {
        GrantTestCallerEverything = false,
        Settings = GovernedPolicy.Settings,
        Configure = options => options.SessionMode = global::McpPlatform.Governance.McpSessionMode.Stateful,
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TypeScript_sdk_client_signs_in_by_itself_refreshes_and_steps_up_from_read_to_write()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "node", "oauth-client.mjs");

        var run = await ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [script, _server.McpUri.AbsoluteUri, GovernedPolicy.SupportGroup, "whoami", "open_ticket", """{"ticket":{"title":"Stepped up","priority":"Low"}}"""],
            AppContext.BaseDirectory,
            new Dictionary<string, string?> { ["MCP_SDK_DIR"] = Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "sdk") },
            ClientTimeout);

        run.EnsureSuccess();
        var seen = JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;

        // Dynamic registration, then the authorization request the SDK built from the 401 and the metadata: S256, the
        // resource (RFC 8707) and the read scope the challenge named.
        Assert.StartsWith("dev-", (string?)seen["registeredClientId"], StringComparison.Ordinal);
        var first = new Uri((string)seen["authorizationUrls"]![0]!);
        var query = System.Web.HttpUtility.ParseQueryString(first.Query);
        Assert.Equal(new Uri(_server.BaseUri, "/oauth/authorize").AbsoluteUri, first.GetLeftPart(UriPartial.Path));
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(_server.McpUri.AbsoluteUri, query["resource"]);
        Assert.Equal("mcp:read", query["scope"]);

        // Signed in as the user and group picked on the consent page; open_ticket is listed (support may open tickets
        // once the token has mcp:write), so the client calls it and steps up.
        Assert.Equal("ada", (string?)seen["read"]!["structuredContent"]!["subject"]);
        Assert.Contains(GovernedPolicy.SupportGroup, seen["read"]!["structuredContent"]!["groups"]!.AsArray().Select(g => (string?)g));
        Assert.Contains("whoami", seen["tools"]!.AsArray().Select(t => (string?)t));
        Assert.Contains("open_ticket", seen["tools"]!.AsArray().Select(t => (string?)t));
        Assert.DoesNotContain("mcp:write", ((string?)seen["firstScope"])?.Split(' ') ?? []);

        // The refresh token replaced a bad access token.
        Assert.True((bool)seen["refreshed"]!);
        Assert.Contains("refresh_token", seen["tokenGrants"]!.AsArray().Select(g => (string?)g));

        // Step-up: 403 insufficient_scope naming every scope open_ticket needs, a second consent, then the call runs.
        Assert.StartsWith("Bearer error=\"insufficient_scope\", scope=\"mcp:read mcp:write\"", (string?)seen["challenges"]![0]);
        Assert.True((bool?)seen["stepUp"]!["unauthorized"], seen["stepUp"]!.ToJsonString());
        Assert.Equal("mcp:read mcp:write", System.Web.HttpUtility.ParseQueryString(new Uri((string)seen["authorizationUrls"]![1]!).Query)["scope"]);
        Assert.Equal(2, (int)seen["consentPages"]!);
        Assert.NotEqual(true, (bool?)seen["written"]!["isError"]);
        Assert.Contains("mcp:write", ((string?)seen["steppedUpScope"])?.Split(' ') ?? []);
    }

    [Fact]
    public async Task Metadata_of_the_resource_and_of_the_authorization_server_point_at_each_other()
    {
        using var http = _server.CreateHttpClient();

        var resource = JsonNode.Parse(await http.GetStringAsync("/.well-known/oauth-protected-resource/mcp"))!;
        var server = JsonNode.Parse(await http.GetStringAsync("/.well-known/oauth-authorization-server"))!;

        var issuer = (string)server["issuer"]!;
        Assert.Equal([issuer], resource["authorization_servers"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(_server.BaseUri.AbsoluteUri, issuer);
        Assert.Equal(["S256"], server["code_challenge_methods_supported"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(new Uri(_server.BaseUri, "/oauth/register").AbsoluteUri, (string?)server["registration_endpoint"]);
        Assert.Contains("refresh_token", server["grant_types_supported"]!.AsArray().Select(s => (string)s!));
        Assert.Contains("mcp:write", server["scopes_supported"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task Token_from_the_authorization_server_is_the_development_issuers_kind_and_opens_the_mcp_endpoint()
    {
        using var browser = new OAuthBrowser(_server.BaseUri);
        var client = await browser.RegisterAsync();
        var (verifier, challenge) = OAuthBrowser.Pkce();
        using var page = await browser.AuthorizeAsync(browser.Request(client, challenge));
        var code = await browser.ApproveAsync(page, subject: "kind-check");

        var (status, body) = await browser.RedeemAsync(client, code, verifier);

        Assert.Equal(HttpStatusCode.OK, status);
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken((string)body["access_token"]!);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal([_server.McpUri.AbsoluteUri], token.Audiences);
        Assert.Equal("kind-check", token.Subject);
        Assert.Equal(client, token.GetClaim("client_id").Value);
        Assert.Contains("mcp:read", token.GetClaim("scope").Value.Split(' '));
        Assert.Equal(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(_server.MintToken()).Kid, token.Kid); // the development key
        await using var mcp = await _server.ConnectWithTokenAsync((string)body["access_token"]!);
        Assert.Contains(await mcp.ListToolsAsync(), t => t.Name == "whoami");
    }

    [Fact]
    public async Task Wrong_redirect_uri_is_refused_without_redirecting()
    {
        using var browser = new OAuthBrowser(_server.BaseUri);
        var client = await browser.RegisterAsync();
        var (_, challenge) = OAuthBrowser.Pkce();

        using var response = await browser.AuthorizeAsync(browser.Request(client, challenge, redirectUri: "http://127.0.0.1:9/elsewhere"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_pkce_is_refused()
    {
        using var browser = new OAuthBrowser(_server.BaseUri);
        var client = await browser.RegisterAsync();
        var (verifier, _) = OAuthBrowser.Pkce();
        var request = browser.Request(client, verifier);
        request["code_challenge_method"] = "plain";

        using var response = await browser.AuthorizeAsync(request);

        var (error, description) = await OAuthBrowser.RefusalAsync(response);
        Assert.Equal("invalid_request", error);
        Assert.Contains("code_challenge_method", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_pkce_is_refused()
    {
        using var browser = new OAuthBrowser(_server.BaseUri);
        var client = await browser.RegisterAsync();
        var request = browser.Request(client, "unused");
        request.Remove("code_challenge");
        request.Remove("code_challenge_method");

        using var response = await browser.AuthorizeAsync(request);

        Assert.Equal("invalid_request", (await OAuthBrowser.RefusalAsync(response)).Error);
    }

    [Fact]
    public async Task Pkce_verifier_that_does_not_match_the_challenge_is_refused()
    {
        using var browser = new OAuthBrowser(_server.BaseUri);
        var client = await browser.RegisterAsync();
        var (_, challenge) = OAuthBrowser.Pkce();
        using var page = await browser.AuthorizeAsync(browser.Request(client, challenge));
        var code = await browser.ApproveAsync(page);

        var (status, body) = await browser.RedeemAsync(client, code, OAuthBrowser.Pkce().Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", (string?)body["error"]);
    }

    [Fact]
    public async Task Replayed_code_is_refused()
    {
        using var browser = new OAuthBrowser(_server.BaseUri);
        var client = await browser.RegisterAsync();
        var (verifier, challenge) = OAuthBrowser.Pkce();
        using var page = await browser.AuthorizeAsync(browser.Request(client, challenge));
        var code = await browser.ApproveAsync(page);

        var first = await browser.RedeemAsync(client, code, verifier);
        var replay = await browser.RedeemAsync(client, code, verifier);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal("invalid_grant", (string?)replay.Body["error"]);
    }

    [Fact]
    public async Task Token_for_another_resource_is_refused_with_invalid_target()
    {
        using var browser = new OAuthBrowser(_server.BaseUri);
        var client = await browser.RegisterAsync();
        var (_, challenge) = OAuthBrowser.Pkce();
        var request = browser.Request(client, challenge);
        request["resource"] = $"http://127.0.0.1:{_server.McpUri.Port + 1}/mcp";

        using var response = await browser.AuthorizeAsync(request);

        Assert.Equal("invalid_target", (await OAuthBrowser.RefusalAsync(response)).Error);
    }

    [Fact]
    public async Task Browser_based_clients_may_call_the_metadata_registration_and_token_endpoints_cross_origin()
    {
        using var http = _server.CreateHttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/oauth/token");
        preflight.Headers.Add("Origin", "http://localhost:6274");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var metadata = new HttpRequestMessage(HttpMethod.Get, "/.well-known/oauth-authorization-server");
        metadata.Headers.Add("Origin", "http://localhost:6274");

        using var preflightAnswer = await http.SendAsync(preflight);
        using var metadataAnswer = await http.SendAsync(metadata);

        Assert.Equal(HttpStatusCode.NoContent, preflightAnswer.StatusCode);
        Assert.Equal("*", preflightAnswer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", preflightAnswer.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, metadataAnswer.StatusCode);
        Assert.Equal("*", metadataAnswer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(metadataAnswer.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Registration_refuses_a_plain_http_redirect_to_another_host()
    {
        using var http = _server.CreateHttpClient();

        using var response = await http.PostAsync("/oauth/register", new StringContent(
            """{"redirect_uris":["http://evil.example.com/cb"],"token_endpoint_auth_method":"none"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_redirect_uri", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
    }

    [Fact]
    public void Codes_and_refresh_tokens_are_encrypted_with_a_random_aes_key_not_an_rsa_key_generated_at_the_first_request()
    {
        var options = _server.Services.GetRequiredService<IOptionsMonitor<OpenIddict.Server.OpenIddictServerOptions>>().CurrentValue;

        // Generating OpenIddict's ephemeral RSA key cost most of the first request's CPU (docs/benchmarks.md); the
        // sign-in flow above redeems codes and refresh tokens encrypted with this key.
        var encryption = Assert.Single(options.EncryptionCredentials);
        var key = Assert.IsType<Microsoft.IdentityModel.Tokens.SymmetricSecurityKey>(encryption.Key);
        Assert.Equal(256, key.KeySize);
        Assert.DoesNotContain(options.EncryptionCredentials, c => c.Key is Microsoft.IdentityModel.Tokens.RsaSecurityKey);
    }
}

/// <summary>Outside Development the embedded authorization server is off, and enabling it without saying so explicitly stops start-up.</summary>
public sealed class DevelopmentAuthorizationServerProductionTests
{
    private const string Section = "McpPlatform:Authentication";

    [Fact]
    public async Task In_production_nothing_of_it_answers_and_the_metadata_names_the_real_issuer()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        await using var server = await RunningServer.StartAsync(new ServerSetup { Environment = Environments.Production, Issuer = issuer, GrantTestCallerEverything = false });
        using var http = server.CreateHttpClient();

        using var metadata = await http.GetAsync("/.well-known/oauth-authorization-server");
        using var register = await http.PostAsync("/oauth/register", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var authorize = await http.GetAsync("/oauth/authorize?client_id=x");
        var resource = JsonNode.Parse(await http.GetStringAsync("/.well-known/oauth-protected-resource/mcp"))!;

        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, register.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, authorize.StatusCode);
        Assert.Equal([issuer.Issuer], resource["authorization_servers"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task Enabling_it_in_production_without_allowing_it_and_naming_the_issuer_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            GrantTestCallerEverything = false,
            Settings = new Dictionary<string, string?>
            {
                [$"{Section}:Resource"] = "https://mcp.example.com/mcp",
                [$"{Section}:DevelopmentAuthorizationServer:Enabled"] = "true",
            },
        }));

        Assert.Contains($"{Section}:DevelopmentAuthorizationServer:Enabled=true is only allowed in Development", error.Message);
        Assert.Contains("AllowOutsideDevelopment", error.Message);
    }
}
