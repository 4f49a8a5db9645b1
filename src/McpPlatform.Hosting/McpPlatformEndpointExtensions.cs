using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Hosting;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.Governance.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>app.MapMcpPlatform()</c>: the MCP endpoint, the protected resource metadata and the health probe.</summary>
public static class McpPlatformEndpointExtensions
{
    /// <summary>
    /// Maps the MCP endpoint (behind the token and read-scope check when authentication is on), the protected resource
    /// metadata (when it is on) and the health probe. Conventions added to the result (<c>RequireCors</c>,
    /// <c>RequireRateLimiting</c>, <c>RequireAuthorization</c>) apply to the MCP endpoint and the metadata, which stays
    /// anonymous; not to the health probe.
    /// </summary>
    public static IEndpointConventionBuilder MapMcpPlatform(this IEndpointRouteBuilder endpoints)
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
        if (!authenticated)
        {
            return mcp;
        }

        // The platform's scheme by name: the app's default scheme and fallback policy stay the app's.
        mcp.RequireAuthorization(McpPlatformAuthenticationDefaults.AuthorizationPolicy);
        return new PlatformEndpointConventions([mcp, ProtectedResourceMetadataEndpoint.Map(endpoints)]);
    }
}
