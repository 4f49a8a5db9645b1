using System.Net;
using System.Net.Http.Headers;
using McpPlatform.Hosting.Tests.Authentication;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Hosting.Tests.HostApp;

/// <summary>
/// An app with its own default scheme (cookies) and a fallback policy: the platform's JWT bearer is a named scheme
/// that takes neither, so the app's endpoint keeps the app's answer (a login redirect, tokens ignored) while /mcp
/// keeps the platform's (401 with the resource metadata, a token accepted).
/// </summary>
public sealed class AppAuthenticationSchemeTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(new ServerSetup
    {
        Services = services =>
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        },
        App = app => app.MapGet("/app/account", (HttpContext context) => context.User.Identity!.AuthenticationType),
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_apps_endpoint_challenges_with_the_apps_default_scheme()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.BaseUri };

        using var response = await http.GetAsync("/app/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_apps_endpoint_does_not_take_the_platforms_token()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/app/account");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _server.MintToken());

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Mcp_without_a_token_answers_the_platforms_bearer_challenge()
    {
        using var response = await BearerChallenges.SendInitializeAsync(_server.McpUri, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer " + BearerChallenges.ResourceMetadataParameter(_server.BaseUri) + ", scope=\"mcp:read\"", BearerChallenges.WwwAuthenticate(response));
    }

    [Fact]
    public async Task Mcp_works_with_a_development_token()
    {
        await using var client = await _server.ConnectClientAsync();

        var tools = await client.ListToolsAsync();

        Assert.Contains(tools, tool => tool.Name == "echo");
    }

    [Fact]
    public async Task The_resource_metadata_stays_anonymous_under_the_apps_fallback_policy()
    {
        using var http = _server.CreateHttpClient();

        using var response = await http.GetAsync("/.well-known/oauth-protected-resource");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"resource\":\"" + _server.McpUri.AbsoluteUri + "\"", await response.Content.ReadAsStringAsync());
    }
}
