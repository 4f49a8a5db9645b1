using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Hosting;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.Governance.RateLimiting;
using Microsoft.AspNetCore.Authorization;
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

        var mcp = MapGovernedMcp(endpoints, options.Path);
        if (!IsAuthenticated(endpoints.ServiceProvider))
        {
            return mcp;
        }

        // The embedded development authorization server's own pages, when it runs (OpenIddict answers its metadata and tokens).
        EmbeddedAuthorizationServer.Map(endpoints); // McpPlatform.Hosting.AuthorizationServer, when referenced

        // The path-suffixed metadata of /mcp came with it; the root document is where older clients look.
        return new PlatformEndpointConventions([mcp, ProtectedResourceMetadataEndpoint.Map(endpoints, options.Path, BearerChallenge.ResourceMetadataPath)]);
    }

    /// <summary>
    /// One MCP endpoint at <paramref name="path"/> as the platform guards it: the body size limit (HTTP 413), a token
    /// with the read scope, the caller's request budget (HTTP 429), then the SDK. The portal maps its audiences' endpoints with it.
    /// </summary>
    internal static IEndpointConventionBuilder MapGovernedMcp(IEndpointRouteBuilder endpoints, string path)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<McpPlatformOptions>>().Value;
        var mcp = endpoints.MapMcp(path).WithMetadata(new McpResourcePath(path));
        var services = endpoints.ServiceProvider;
        var authenticated = IsAuthenticated(services);
        var limitsEnabled = services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled;

        // The platform's token is checked by CallerGate, without ASP.NET Core's authorization middleware on every call
        // (CallerGate says why). Under an app's fallback policy the endpoint names the platform's policy instead, or
        // the fallback (with the app's schemes) would decide for /mcp.
        var policyAuthenticates = authenticated && HasFallbackPolicy(services);

        // After authentication, before the SDK: the body size limit (HTTP 413), a token with the read
        // scope, the caller's request budget (HTTP 429 when spent), then a tools/call the token lacks scopes for (HTTP 403).
        mcp.Add(endpoint =>
        {
            // Scope step-up only where a token and policy decide (ScopeStepUp): HTTP 403 insufficient_scope before the SDK.
            var sdk = authenticated ? ScopeStepUp.Wrap(endpoint.RequestDelegate!, services) : endpoint.RequestDelegate!;
            var limited = CallerRequestLimiter.Wrap(sdk, limitsEnabled);
            var gated = authenticated ? CallerGate.Wrap(limited, services, authenticates: !policyAuthenticates) : limited;
            endpoint.RequestDelegate = RequestBodyLimit.Wrap(gated, options.MaxRequestBodyBytes);
        });
        if (authenticated)
        {
            if (policyAuthenticates)
            {
                // The platform's scheme by name: the app's default scheme and fallback policy stay the app's.
                mcp.RequireAuthorization(McpPlatformAuthenticationDefaults.AuthorizationPolicy);
            }

            // RFC 9728: the metadata of the resource https://host/a/mcp is at https://host/.well-known/oauth-protected-resource/a/mcp.
            return new PlatformEndpointConventions([mcp, ProtectedResourceMetadataEndpoint.Map(endpoints, path, BearerChallenge.MetadataPathFor(path))]);
        }

        return mcp;
    }

    private static bool HasFallbackPolicy(IServiceProvider services) =>
        services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync().GetAwaiter().GetResult() is not null;

    private static bool IsAuthenticated(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ResourceServerOptions>>().Value.Enabled;
}
