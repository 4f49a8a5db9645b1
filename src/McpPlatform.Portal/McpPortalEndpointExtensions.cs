using McpPlatform.Hosting;
using McpPlatform.Portal.Audiences;
using McpPlatform.Portal.Configuration;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>app.MapMcpPortal()</c>: the portal's main MCP endpoint, one more per audience, the metadata and the health probes.</summary>
public static class McpPortalEndpointExtensions
{
    /// <summary>
    /// Maps what <c>MapMcpPlatform</c> maps (the main MCP endpoint at <c>McpPlatform:Path</c>, the protected resource metadata,
    /// health) and one MCP endpoint per audience at its <c>Path</c>, where only the tools that audience allows are listed and
    /// callable. Conventions added to the result reach every MCP endpoint and the metadata.
    /// </summary>
    public static IEndpointConventionBuilder MapMcpPortal(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var main = endpoints.MapMcpPlatform();
        var audiences = endpoints.ServiceProvider.GetRequiredService<IOptions<PortalOptions>>().Value.Audiences;
        var builders = new List<IEndpointConventionBuilder> { main };
        foreach (var (name, audience) in audiences.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            // The audience rule reads this metadata from the endpoint a request came in on.
            builders.Add(McpPlatformEndpointExtensions.MapGovernedMcp(endpoints, audience.Path).WithMetadata(new PortalAudience(name, audience)));
        }

        return new PlatformEndpointConventions(builders);
    }
}
