using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Health;
using McpPlatform.Portal.Upstreams;
using static McpPlatform.Portal.Tests.Upstreams.StdioUpstreamTests;
using static McpPlatform.Portal.Tests.Upstreams.UpstreamTestKit;

namespace McpPlatform.Portal.Tests.Upstreams;

/// <summary>What the portal presents to an HTTP upstream: its own credentials from the secret store or an authorization server, never the caller's.</summary>
public sealed class CredentialTests : IAsyncLifetime
{
    private const string CallerToken = "caller-token-alice-must-stay-home";
    private readonly TemporaryFolder _folder = new();
    private LoopbackAuthorizedUpstream _upstream = null!;
    private IServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _upstream = await LoopbackAuthorizedUpstream.StartAsync();
        var store = await SecretStoreAsync(_folder, ("upstream-bearer", "bearer-secret-value"), ("upstream-key", "api-key-secret-value"), ("portal-client", "client-secret-value"));
        _services = Services(store);
    }

    public async Task DisposeAsync()
    {
        await _upstream.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Bearer_from_the_store_is_sent_and_the_callers_token_is_not()
    {
        await using var upstream = await ConnectedAsync("bearer", Http(new() { Kind = "Bearer", Secret = "upstream-bearer" }), _services);

        Assert.Equal("hi", Text(await upstream.CallToolAsync("echo", Arguments(("text", "hi")), CallerToken, null, CancellationToken.None)));

        Assert.NotEmpty(_upstream.McpRequests);
        Assert.All(_upstream.McpRequests, request => Assert.Equal("Bearer bearer-secret-value", request.Authorization));
        Assert.DoesNotContain(_upstream.McpRequests, request => $"{request}".Contains(CallerToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Api_key_from_the_store_goes_in_its_header_with_no_authorization()
    {
        await using var upstream = await ConnectedAsync("keyed", Http(new() { Kind = "ApiKey", Secret = "upstream-key" }), _services);

        await upstream.CallToolAsync("echo", Arguments(("text", "hi")), CallerToken, null, CancellationToken.None);

        Assert.All(_upstream.McpRequests, request => Assert.Equal(("(none)", "api-key-secret-value"), (request.Authorization ?? "(none)", request.ApiKey)));
    }

    [Fact]
    public async Task Client_credentials_token_is_fetched_once_and_reused()
    {
        await using var upstream = await ConnectedAsync("cc", Http(ClientOf("ClientCredentials")), _services);

        for (var i = 0; i < 3; i++)
        {
            await upstream.CallToolAsync("echo", Arguments(("text", "hi")), CallerToken, null, CancellationToken.None);
        }

        var request = Assert.Single(_upstream.TokenRequests);
        Assert.Equal("portal:client-secret-value", request.Client);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal("tools.read tools.write", request.Form["scope"]);
        Assert.Equal("https://upstream.example/mcp", request.Form["resource"]);
        Assert.DoesNotContain(request.Form.Values, value => value.Contains(CallerToken, StringComparison.Ordinal));
        Assert.All(_upstream.McpRequests, mcp => Assert.Equal("Bearer issued-token-1", mcp.Authorization));
    }

    [Fact]
    public async Task Client_credentials_token_is_renewed_shortly_before_it_expires()
    {
        _upstream.ExpiresIn = 1; // renewed after 0.8 s
        await using var upstream = await ConnectedAsync("renewing", Http(ClientOf("ClientCredentials")), _services);

        await WaitUntilAsync(async () =>
        {
            await upstream.CallToolAsync("echo", Arguments(("text", "hi")), null, null, CancellationToken.None);
            return _upstream.TokenRequests.Count >= 2;
        }, "a second token is fetched after the first expires");
        Assert.Contains(_upstream.McpRequests, mcp => mcp.Authorization == "Bearer issued-token-2");
    }

    [Fact]
    public async Task Token_exchange_swaps_each_callers_token_once_and_never_forwards_it()
    {
        await using var upstream = await ConnectedAsync("xchg", Http(ClientOf("TokenExchange")), _services);

        await upstream.CallToolAsync("echo", Arguments(("text", "a1")), CallerToken, null, CancellationToken.None);
        await upstream.CallToolAsync("echo", Arguments(("text", "a2")), CallerToken, null, CancellationToken.None);
        await upstream.CallToolAsync("echo", Arguments(("text", "b1")), "caller-token-bob", null, CancellationToken.None);

        var exchanges = _upstream.TokenRequests.Where(request => request.Form["grant_type"] == LoopbackAuthorizedUpstream.ExchangeGrant).ToList();
        Assert.Equal([CallerToken, "caller-token-bob"], exchanges.Select(request => request.Form["subject_token"]));
        Assert.All(exchanges, request =>
        {
            Assert.Equal("portal:client-secret-value", request.Client);
            Assert.Equal("urn:ietf:params:oauth:token-type:access_token", request.Form["subject_token_type"]);
            Assert.Equal("https://upstream.example/mcp", request.Form["resource"]);
        });

        // Requests for no caller (initialize, tools/list) carry the portal's own token; calls carry the caller's exchanged one.
        var seen = _upstream.McpRequests.Select(request => request.Authorization).ToList();
        Assert.DoesNotContain(seen, header => header is null || header.Contains("caller-token", StringComparison.Ordinal));
        var aliceToken = _upstream.IssuedFor.Single(pair => pair.Value == CallerToken).Key;
        var bobToken = _upstream.IssuedFor.Single(pair => pair.Value == "caller-token-bob").Key;
        Assert.Contains("Bearer " + aliceToken, seen);
        Assert.Contains("Bearer " + bobToken, seen);
    }

    [Fact]
    public async Task Refused_client_credentials_keep_the_upstream_down_without_showing_the_secret()
    {
        using var folder = new TemporaryFolder();
        var store = await SecretStoreAsync(folder, ("portal-client", "wrong-secret-value"));
        await using var upstream = await StartAsync("refused", Http(ClientOf("ClientCredentials")), Services(store));

        await WaitUntilAsync(() => upstream.Health.State == UpstreamStates.Down, "the upstream is down", () => upstream.Health.ToString());
        Assert.Contains("the token endpoint refused the request (HTTP 401, invalid_client)", upstream.Health.Detail);
        Assert.DoesNotContain("wrong-secret-value", upstream.Health.Detail);
    }

    private UpstreamOptions Http(UpstreamCredentialOptions credentials) => new()
    {
        Url = _upstream.Mcp,
        Credentials = credentials,
        Timeout = TimeSpan.FromSeconds(5),
        RestartDelay = TimeSpan.FromMilliseconds(100),
        MaxRestartDelay = TimeSpan.FromSeconds(1),
    };

    private UpstreamCredentialOptions ClientOf(string kind) => new()
    {
        Kind = kind,
        TokenEndpoint = _upstream.Token,
        ClientId = "portal",
        Secret = "portal-client",
        Scopes = ["tools.read", "tools.write"],
        Resource = "https://upstream.example/mcp",
    };
}
