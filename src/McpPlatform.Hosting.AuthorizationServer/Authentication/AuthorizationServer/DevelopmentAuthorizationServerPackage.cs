using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Authentication.AuthorizationServer;

/// <summary>The entry point McpPlatform.Hosting finds at start-up when the application references this package (PlatformPackages).</summary>
internal sealed class DevelopmentAuthorizationServerPackage : IPlatformPackage
{
    public bool Add(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        DevelopmentAuthorizationServer.Add(services, configuration, environment);

    public void Map(IEndpointRouteBuilder endpoints) => DevelopmentAuthorizationServer.Map(endpoints);
}
