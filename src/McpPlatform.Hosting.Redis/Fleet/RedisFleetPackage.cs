using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Fleet;

/// <summary>The entry point McpPlatform.Hosting finds at start-up when the application references this package (PlatformPackages).</summary>
internal sealed class RedisFleetPackage : IPlatformPackage
{
    public bool Add(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        PlatformFleet.Add(services, configuration);
        return true;
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        // No endpoints: the fleet store works behind the limits and sessions, and reports through /healthz/ready.
    }
}
