using McpPlatform.Governance.Manifest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Hosting.Manifest;

/// <summary>Registers start-up pinning of the tool surface to <c>mcp-manifest.approved.json</c> (<see cref="ManifestPinning"/>).</summary>
internal static class PlatformManifest
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ManifestPinningOptions>().Bind(configuration.GetSection(ManifestPinningOptions.SectionName));
        services.AddSingleton<EffectiveManifest>();
        services.AddHostedService<ManifestPinning>();
    }
}
