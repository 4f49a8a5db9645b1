using McpPlatform.Governance.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// What the resource server needs to know of the embedded development authorization server, which lives in the package
/// McpPlatform.Hosting.AuthorizationServer: whether it runs here and the issuer it signs as. Without the package the
/// server still trusts the development issuer's tokens (mcp-platform dev-token); clients just cannot sign in by themselves.
/// </summary>
internal static class EmbeddedAuthorizationServer
{
    /// <summary>
    /// Registers it when the settings and environment turn it on and the package is referenced. Settings that turn it on
    /// explicitly (<c>DevelopmentAuthorizationServer:Enabled = true</c>) without the package fail the start-up.
    /// </summary>
    public static void Add(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(ResourceServerOptions.SectionName).Get<ResourceServerOptions>() ?? new ResourceServerOptions();
        if (!DevelopmentIssuerSelection.IsAuthorizationServerEnabled(settings, environment))
        {
            return;
        }

        var package = settings.DevelopmentAuthorizationServer.Enabled == true
            ? PlatformPackages.Require(PlatformPackages.AuthorizationServer,
                $"{ResourceServerOptions.SectionName}:DevelopmentAuthorizationServer:Enabled is true")
            : PlatformPackages.Find(PlatformPackages.AuthorizationServer);
        if (package is not null && package.Add(services, configuration, environment))
        {
            services.AddSingleton(new Running(package));
        }
    }

    /// <summary>Maps its pages when it runs (OpenIddict answers its metadata and tokens from its middleware).</summary>
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.ServiceProvider.GetService<Running>()?.Package.Map(endpoints);

    /// <summary>Whether the server runs here (registered at start-up).</summary>
    public static bool IsRunning(IServiceProvider services) => services.GetService<Running>() is not null;

    /// <summary>The issuer as clients see it: the configured one, or this server's origin as the request names it (as OpenIddict computes it).</summary>
    public static string IssuerFor(HttpRequest request, ResourceServerOptions options) =>
        options.DevelopmentAuthorizationServer.Issuer is { Length: > 0 } configured
            ? new Uri(configured, UriKind.Absolute).AbsoluteUri
            : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}", UriKind.Absolute).AbsoluteUri;

    /// <summary>Registered when the server runs, so the endpoints and the resource server can tell.</summary>
    private sealed record Running(IPlatformPackage Package);
}
