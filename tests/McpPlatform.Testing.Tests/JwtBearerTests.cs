using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpPlatform.Testing.Tests;

/// <summary>The issuer as server tests use it: ASP.NET Core JwtBearer pointed at <see cref="TestOidcIssuer.Issuer"/>.</summary>
public sealed class JwtBearerTests : IAsyncLifetime
{
    private static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(10);

    private TestOidcIssuer _issuer = null!;
    private WebApplication _resource = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestOidcIssuer.StartAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = _issuer.Issuer;
            options.Audience = DiscoveryValidator.Audience;
            options.RequireHttpsMetadata = false;
            options.MapInboundClaims = false;
            options.TokenValidationParameters.ValidAlgorithms = ["RS256"];
        });
        builder.Services.AddAuthorization();
        _resource = builder.Build();
        _resource.UseAuthentication();
        _resource.UseAuthorization();
        _resource.MapGet("/whoami", (HttpContext context) => context.User.FindFirst("sub")?.Value + " " + context.User.FindFirst("scope")?.Value)
            .RequireAuthorization();
        await _resource.StartAsync();

        var address = _resource.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _resource.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private static TestTokenOptions Options => new() { Audience = DiscoveryValidator.Audience, Subject = "carol", Scopes = ["tools.read"] };

    [Fact]
    public async Task JwtBearer_accepts_a_minted_token_and_rejects_every_forgery()
    {
        var (status, body) = await WhoAmIAsync(_issuer.MintToken(Options));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("carol tools.read", body);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(_issuer.MintUnsignedToken(Options))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(_issuer.MintHs256WithPublicKey(Options))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(_issuer.MintWithUnknownKey(Options))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(_issuer.TamperSignature(_issuer.MintToken(Options)))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(_issuer.MintToken(Options with { IssuerOverride = "https://evil.example" }))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(_issuer.MintToken(Options with { Audience = "http://127.0.0.1:1/elsewhere" }))).Status);
    }

    [Fact]
    public async Task JwtBearer_picks_up_a_rotated_key_by_refreshing_jwks()
    {
        Assert.Equal(HttpStatusCode.OK, (await WhoAmIAsync(_issuer.MintToken(Options))).Status);
        var jwksRequestsBefore = _issuer.JwksRequests;

        _issuer.RotateSigningKey();
        var token = _issuer.MintToken(Options);

        // An unknown kid makes JwtBearer request a refresh, which runs in the background.
        var deadline = DateTime.UtcNow + RefreshTimeout;
        var status = HttpStatusCode.Unauthorized;
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            status = (await WhoAmIAsync(token)).Status;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(_issuer.JwksRequests > jwksRequestsBefore);
    }

    private async Task<(HttpStatusCode Status, string Body)> WhoAmIAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
