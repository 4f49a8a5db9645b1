using McpPlatform.Hosting.Fleet;
using McpPlatform.Hosting.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.Portal.Fleet;

/// <summary>
/// Shares the portal's quarantine holds and approved manifest through Redis when <c>McpPlatform:Redis:Configuration</c>
/// is set (the connection itself is the platform's, <c>PlatformFleet</c>). Without it nothing is added and the
/// quarantine stays in process.
/// </summary>
internal static class PortalFleet
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[RedisOptions.SectionName + ":Configuration"]))
        {
            return;
        }

        services.AddSingleton(provider =>
        {
            var redis = provider.GetRequiredService<IOptions<RedisOptions>>().Value;
            return new FleetQuarantine(redis.QuarantineHoldLifetime, redis.ReadsWhenUnavailable);
        });
        services.AddSingleton<PortalFleetSync>();
        services.AddHostedService(provider => provider.GetRequiredService<PortalFleetSync>());
        services.AddHealthChecks().AddCheck<PortalManifestFleetCheck>(PortalManifestFleetCheck.Name, tags: [PlatformHealthTags.Ready]);
    }
}
