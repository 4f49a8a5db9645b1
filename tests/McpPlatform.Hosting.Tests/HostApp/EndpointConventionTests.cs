using System.Net;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Hosting.Tests.HostApp;

/// <summary>
/// What <c>MapMcpPlatform</c> returns takes the app's endpoint conventions: ASP.NET Core's own rate limiting and
/// CORS reach the MCP endpoint and its resource metadata, never the health probe.
/// </summary>
public sealed class EndpointConventionTests
{
    private const string BrowserOrigin = "http://client.example";

    [Fact]
    public async Task RequireRateLimiting_with_one_permit_refuses_the_second_mcp_request_with_429()
    {
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Services = services => services.AddRateLimiter(limiter =>
            {
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.AddFixedWindowLimiter("one", window =>
                {
                    window.PermitLimit = 1;
                    window.Window = TimeSpan.FromHours(1);
                    window.QueueLimit = 0;
                });
            }),
            App = app => app.UseRateLimiter(),
            McpConventions = mcp => mcp.RequireRateLimiting("one"),
        });
        using var http = new HttpClient();
        var token = server.MintToken();

        using var first = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, token: token));
        using var second = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, token: token));
        using var health = await http.GetAsync(server.HealthUri);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task RequireCors_answers_a_browsers_preflight_to_mcp_and_its_metadata_request()
    {
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Settings = new Dictionary<string, string?> { ["McpPlatform:AllowedOrigins:0"] = BrowserOrigin },
            Services = services => services.AddCors(cors => cors.AddPolicy("browser", policy => policy
                .WithOrigins(BrowserOrigin).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("WWW-Authenticate", "Mcp-Session-Id"))),

            // As ASP.NET Core documents it: CORS before authentication and authorization, so a preflight (which carries no token) gets its answer.
            App = app =>
            {
                app.UseRouting();
                app.UseCors();
                app.UseAuthentication();
                app.UseAuthorization();
            },
            McpConventions = mcp => mcp.RequireCors("browser"),
        });
        using var http = new HttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, server.McpUri);
        preflight.Headers.Add("Origin", BrowserOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var metadata = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUri, "/.well-known/oauth-protected-resource"));
        metadata.Headers.Add("Origin", BrowserOrigin);

        using var preflightResponse = await http.SendAsync(preflight);
        using var metadataResponse = await http.SendAsync(metadata);

        Assert.Equal(HttpStatusCode.NoContent, preflightResponse.StatusCode);
        Assert.Equal(BrowserOrigin, Assert.Single(preflightResponse.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", preflightResponse.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Equal(HttpStatusCode.OK, metadataResponse.StatusCode);
        Assert.Equal(BrowserOrigin, Assert.Single(metadataResponse.Headers.GetValues("Access-Control-Allow-Origin")));
    }
}
