using McpPlatform.Hosting;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.Governance.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

        var mcp = endpoints.MapMcp(options.Path);
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<ResourceServerOptions>>().Value.Enabled)
        {
            mcp.RequireAuthorization(PlatformAuthentication.CallerPolicy);
        }

        // After authentication, before the SDK: the caller's request budget (HTTP 429 when spent).
        var limitsEnabled = endpoints.ServiceProvider.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled;
        mcp.Add(endpoint => endpoint.RequestDelegate = CallerRequestLimiter.Wrap(endpoint.RequestDelegate!, limitsEnabled));
        return endpoints;
    }
}
