using System.Net;
using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Authentication.AuthorizationServer;

/// <summary>
/// Client ID Metadata Documents against the embedded development authorization server: the official TypeScript SDK client
/// signs in with an https client_id the server fetches (no registration), and each bad document is refused with an OAuth
/// error over HTTP. The documents come from a real https server on 127.0.0.1 (<see cref="ClientMetadataDocumentServer"/>).
/// </summary>
public sealed class ClientMetadataDocumentTests : IAsyncLifetime
{
    private ClientMetadataDocumentServer _documents = null!;
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _documents = await ClientMetadataDocumentServer.StartAsync();
        _server = await RunningServer.StartAsync(new ServerSetup
        {
            GrantTestCallerEverything = false,
            Settings = GovernedPolicy.Settings,
            Services = _documents.TrustIt,
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _documents.DisposeAsync();
    }

    [Fact]
    public async Task Metadata_advertises_client_id_metadata_documents()
    {
        using var http = _server.CreateHttpClient();
        var metadata = JsonNode.Parse(await http.GetStringAsync("/.well-known/oauth-authorization-server"))!;
        Assert.True((bool?)metadata["client_id_metadata_document_supported"]);
    }

    [Fact]
    public async Task TypeScript_sdk_client_signs_in_with_a_metadata_document_client_id_and_calls_a_tool()
    {
        var clientId = _documents.Url("clients/good.json");
        var run = await ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [Path.Combine(AppContext.BaseDirectory, "node", "oauth-client.mjs"), _server.McpUri.AbsoluteUri, GovernedPolicy.SupportGroup, "whoami", "open_ticket", """{"ticket":{"title":"By document","priority":"Low"}}"""],
            AppContext.BaseDirectory,
            new Dictionary<string, string?>
            {
                ["MCP_SDK_DIR"] = Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "sdk"),
                ["CLIENT_METADATA_URL"] = clientId,
            },
            TimeSpan.FromSeconds(90));

        run.EnsureSuccess();
        var seen = JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
        Assert.Equal(clientId, (string?)seen["registeredClientId"]); // no dynamic registration: the URL is the client_id
        Assert.Equal(clientId, System.Web.HttpUtility.ParseQueryString(new Uri((string)seen["authorizationUrls"]![0]!).Query)["client_id"]);
        Assert.Equal("ada", (string?)seen["read"]!["structuredContent"]!["subject"]);
        Assert.True((bool)seen["refreshed"]!); // the token endpoint knows the client the authorization request created
        Assert.NotEqual(true, (bool?)seen["written"]?["isError"]);
    }

    [Fact]
    public async Task Hand_made_client_with_a_document_gets_a_token()
    {
        using var browser = new OAuthBrowser(_server.BaseUri);
        var clientId = _documents.Url("clients/good.json");
        var (verifier, challenge) = OAuthBrowser.Pkce();

        using var page = await browser.AuthorizeAsync(browser.Request(clientId, challenge));
        var code = await browser.ApproveAsync(page);
        var (status, body) = await browser.RedeemAsync(clientId, code, verifier);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty((string?)body["access_token"]));
    }

    [Theory]
    [InlineData("clients/mismatch.json", "invalid_client", "client_id is not the URL")]
    [InlineData("clients/other-redirect.json", "invalid_request", "redirect_uri is not one of the redirect_uris")]
    [InlineData("clients/big.json", "invalid_client", "larger than 5120 bytes")]
    [InlineData("clients/page.json", "invalid_client", "not JSON")]
    [InlineData("clients/moved.json", "invalid_client", "redirects are not followed")]
    [InlineData("clients/missing.json", "invalid_client", "answered 404")]
    public async Task Bad_document_is_refused_with_an_oauth_error(string path, string error, string description)
    {
        using var browser = new OAuthBrowser(_server.BaseUri);
        var (_, challenge) = OAuthBrowser.Pkce();

        using var response = await browser.AuthorizeAsync(browser.Request(_documents.Url(path), challenge));
        var (code, text) = await RefusalAsync(response);

        Assert.Equal(error, code);
        Assert.Contains(description, WebUtility.HtmlDecode(text), StringComparison.Ordinal);
    }

    // OpenIddict answers invalid_client with 401 and invalid_request with 400, on the spot: never a consent page, and
    // never a redirect (the redirect URI is not trusted before the document is).
    private static async Task<(string Error, string Description)> RefusalAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<form", body, StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        return (System.Text.RegularExpressions.Regex.Match(body, "error[\"=:\\s]+(\\w+)").Groups[1].Value, body);
    }

    [Fact]
    public async Task Unreachable_document_is_refused_and_the_server_keeps_serving()
    {
        using var browser = new OAuthBrowser(_server.BaseUri);
        var (_, challenge) = OAuthBrowser.Pkce();

        using var response = await browser.AuthorizeAsync(browser.Request("https://127.0.0.1:1/clients/nothing-listens.json", challenge));
        var (code, text) = await RefusalAsync(response);

        Assert.Equal("invalid_client", code);
        Assert.Contains("could not be fetched", WebUtility.HtmlDecode(text), StringComparison.Ordinal);
        using var http = _server.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/.well-known/oauth-authorization-server")).StatusCode);
    }
}
