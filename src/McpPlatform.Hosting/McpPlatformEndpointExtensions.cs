using McpPlatform.Hosting;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Governance.RateLimiting;
using McpPlatform.Governance.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using McpPlatform.Governance;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>app.MapMcpPlatform()</c>: the MCP endpoint and the health probe.</summary>
public static class McpPlatformEndpointExtensions
{
    /// <summary>Maps the MCP endpoint (behind the token and read-scope check when authentication is on) and the health probe.</summary>
    public static IEndpointRouteBuilder MapMcpPlatform(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<McpPlatformOptions>>().Value;

        var identity = ServerIdentity.Describe(options);
        endpoints.MapGet(options.HealthPath, () => Results.Json(new { status = "ok", server = identity.Name, version = identity.Version }));
        McpPlatform.Hosting.Health.PlatformHealthChecks.Map(endpoints, options); // {HealthPath}/live and /ready

        var mcp = endpoints.MapMcp(options.Path);
        var services = endpoints.ServiceProvider;
        var authenticated = services.GetRequiredService<IOptions<ResourceServerOptions>>().Value.Enabled;
        var limitsEnabled = services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled;

        // After authentication, before the SDK: the body size limit (HTTP 413), a token with the read
        // scope, then the caller's request budget (HTTP 429 when spent).
        mcp.Add(endpoint =>
        {
            var limited = CallerRequestLimiter.Wrap(endpoint.RequestDelegate!, limitsEnabled);
            var gated = authenticated ? CallerGate.Wrap(limited, services) : limited;
            endpoint.RequestDelegate = RequestBodyLimit.Wrap(gated, options.MaxRequestBodyBytes);
        });
        return endpoints;
    }
}
