using McpPlatform.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>app.MapMcpPlatform()</c>: the MCP endpoint and the health probe.</summary>
public static class McpPlatformEndpointExtensions
{
    /// <summary>Maps the MCP endpoint and the health probe.</summary>
    public static IEndpointRouteBuilder MapMcpPlatform(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<McpPlatformOptions>>().Value;

        var identity = ServerIdentity.Describe(options);
        endpoints.MapGet(options.HealthPath, () => Results.Json(new { status = "ok", server = identity.Name, version = identity.Version }));
        endpoints.MapMcp(options.Path);
        return endpoints;
    }
}
