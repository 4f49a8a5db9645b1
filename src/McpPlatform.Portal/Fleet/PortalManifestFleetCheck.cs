using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace McpPlatform.Portal.Fleet;

/// <summary>
/// Ready while this replica runs the fleet's approved manifest (the newest approval among live replicas, see
/// <see cref="PortalFleetSync"/>): a replica deployed with another approval would offer a different tool surface, so it
/// gets no traffic until it runs the same one. While Redis is unreachable the <c>redis</c> check reports that instead.
/// </summary>
internal sealed class PortalManifestFleetCheck(FleetQuarantine fleet) : IHealthCheck
{
    public const string Name = "portal-manifest";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(fleet.ManifestProblem is { } problem
            ? new HealthCheckResult(context.Registration.FailureStatus, problem)
            : HealthCheckResult.Healthy("the approved manifest is the fleet's"));
}
