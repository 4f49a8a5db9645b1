using McpPlatform.Hosting.Health;
using McpPlatform.Portal.Upstreams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace McpPlatform.Portal.Health;

/// <summary>
/// Readiness of one upstream (<c>upstream-{namespace}</c>). An upstream that is not connected makes the check Degraded,
/// never Unhealthy: the portal still serves every other upstream's tools, so one upstream down must not take the whole
/// replica out of the load balancer. The description is the upstream's state and reason, which never holds a secret.
/// </summary>
internal sealed class UpstreamHealthCheck(UpstreamRegistry registry, string @namespace) : IHealthCheck
{
    /// <summary>The check's name for an upstream.</summary>
    public static string Name(string @namespace) => "upstream-" + @namespace;

    /// <summary>The registration of the check of <paramref name="namespace"/>, tagged for readiness.</summary>
    public static HealthCheckRegistration Registration(string @namespace) => new(
        Name(@namespace),
        provider => new UpstreamHealthCheck(provider.GetRequiredService<UpstreamRegistry>(), @namespace),
        HealthStatus.Degraded,
        [PlatformHealthTags.Ready]);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!registry.TryGet(@namespace, out var connection))
        {
            return Task.FromResult(HealthCheckResult.Degraded($"upstream '{@namespace}' is not configured"));
        }

        var health = connection.Health;
        var description = health.Detail is null
            ? $"upstream '{@namespace}' is {health.State}"
            : $"upstream '{@namespace}' is {health.State}: {health.Detail}";
        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["state"] = health.State };
        return Task.FromResult(health.State == UpstreamStates.Connected
            ? HealthCheckResult.Healthy(description, data)
            : new HealthCheckResult(HealthStatus.Degraded, description, data: data));
    }
}
