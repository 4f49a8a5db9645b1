using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpPlatform.Hosting.Authentication.AuthorizationServer;

/// <summary>
/// RFC 8707 for the embedded server: a client may only ask for this server's own MCP endpoints as <c>resource</c> (the
/// main one and, on a portal, each audience's), canonical as the resource server compares audiences; anything else is
/// refused with <c>invalid_target</c>. Which URIs those are depends on the host and port a request names (Development
/// listens wherever it is told), so they are worked out per request rather than registered with OpenIddict up front.
/// </summary>
internal static class ResourceIndicators
{
    public static ValueTask ValidateAsync(OpenIddictServerEvents.ValidateAuthorizationRequestContext context)
    {
        var request = context.Transaction.GetHttpRequest() ?? throw new InvalidOperationException("The authorization request has no HTTP request.");
        var allowed = AllowedFor(request);
        foreach (var resource in context.Request.GetResources())
        {
            if (!allowed.Contains(ResourceUri.Canonical(resource)))
            {
                context.Reject(
                    error: Errors.InvalidTarget,
                    description: $"The resource is not an MCP endpoint of this server; ask for one of: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
                return ValueTask.CompletedTask;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The resources a token may be bound to: the request's own resource, or the main MCP endpoint's when it asks for none.</summary>
    public static IReadOnlyList<string> Granted(HttpRequest request, OpenIddictRequest authorization)
    {
        var asked = authorization.GetResources();
        return asked.IsDefaultOrEmpty ? [Main(request)] : [.. asked.Select(ResourceUri.Canonical).Distinct(StringComparer.Ordinal)];
    }

    private static string Main(HttpRequest request)
    {
        var services = request.HttpContext.RequestServices;
        return ResourceUri.Main(
            request, services.GetRequiredService<IOptions<ResourceServerOptions>>().Value, services.GetRequiredService<IOptions<McpPlatformOptions>>().Value);
    }

    private static HashSet<string> AllowedFor(HttpRequest request)
    {
        var services = request.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<ResourceServerOptions>>().Value;
        var platform = services.GetRequiredService<IOptions<McpPlatformOptions>>().Value;
        var paths = services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<McpResourcePath>()?.Path)
            .OfType<string>()
            .Append(platform.Path);
        return paths.Select(path => ResourceUri.ForPath(request, options, platform, path)).ToHashSet(StringComparer.Ordinal);
    }
}
