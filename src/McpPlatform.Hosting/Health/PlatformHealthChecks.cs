using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Health;

/// <summary>
/// The platform's health checks, registered on the standard <c>services.AddHealthChecks()</c> builder (so an
/// application adds its own to the same builder), and their endpoints next to the plain health probe:
/// <c>{HealthPath}/live</c> runs the checks tagged <see cref="PlatformHealthTags.Live"/> (the process is up, no
/// dependency), <c>{HealthPath}/ready</c> runs every check: the audit sink, the identity provider's metadata, the
/// secret store, and the application's own.
/// </summary>
internal static class PlatformHealthChecks
{
    public static void Add(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SecretStoreHealthCheck>(); // one instance: it keeps the last answer

        string[] ready = [PlatformHealthTags.Ready];
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("the process is up"), [PlatformHealthTags.Live])
            .AddCheck<AuditSinkHealthCheck>(AuditSinkHealthCheck.Name, tags: ready)
            .AddCheck<IdentityProviderHealthCheck>(IdentityProviderHealthCheck.Name, tags: ready)
            .AddCheck<SecretStoreHealthCheck>(SecretStoreHealthCheck.Name, tags: ready);

        // The timeout is a setting, read when the health check service is built (after configuration is complete).
        string[] bounded = [AuditSinkHealthCheck.Name, IdentityProviderHealthCheck.Name, SecretStoreHealthCheck.Name];
        services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<HealthOptions>>((checks, health) =>
        {
            foreach (var registration in checks.Registrations.Where(r => bounded.Contains(r.Name, StringComparer.Ordinal)))
            {
                registration.Timeout = health.Value.Timeout;
            }
        });
    }

    /// <summary>Maps <c>{HealthPath}/live</c> and <c>{HealthPath}/ready</c>, anonymous (orchestrators carry no token).</summary>
    public static void Map(IEndpointRouteBuilder endpoints, McpPlatformOptions options)
    {
        var root = options.HealthPath.TrimEnd('/');
        endpoints.MapHealthChecks(root + "/live", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(PlatformHealthTags.Live),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        endpoints.MapHealthChecks(root + "/ready", new HealthCheckOptions
        {
            Predicate = _ => true, // not live is not ready either; untagged checks of the application count too
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
    }
}
