using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// Registers the portal's upstream connections: <see cref="PortalOptions"/> bound from <c>McpPlatform:Portal</c> and
/// validated at start-up, the <see cref="UpstreamRegistry"/> (a hosted service) and one readiness check per upstream.
/// </summary>
public static class PortalUpstreams
{
    /// <summary>Adds the options, their validation, the registry and the <c>upstream-{namespace}</c> health checks.</summary>
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        if (services.Any(descriptor => descriptor.ServiceType == typeof(UpstreamRegistry)))
        {
            return; // added once, whoever calls first: binding twice would append configured arrays (Arguments) twice
        }

        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PortalOptions>, UpstreamOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<UpstreamRegistry>();
        services.AddHostedService(provider => provider.GetRequiredService<UpstreamRegistry>());

        // One check per upstream, named after it; the upstreams are known only once configuration is complete.
        services.AddHealthChecks();
        services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<PortalOptions>>((checks, portal) =>
        {
            foreach (var name in portal.Value.Upstreams.Keys.Order(StringComparer.Ordinal))
            {
                checks.Registrations.Add(UpstreamHealthCheck.Registration(name));
            }
        });
    }
}
