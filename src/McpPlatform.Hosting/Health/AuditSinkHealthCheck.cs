using System.Threading.Channels;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace McpPlatform.Hosting.Health;

/// <summary>
/// Ready while the audit log can write: governed calls are refused (fail closed) while it cannot, so a replica whose
/// audit sink fails should get no traffic. Asks the audit writer itself (<see cref="AuditLog.ProbeAsync"/>), which
/// also notices when a failed sink works again.
/// </summary>
internal sealed class AuditSinkHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "audit";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Not registered when McpPlatform:Audit:Enabled=false (Development only).
        if (services.GetService<AuditLog>() is not { } audit)
        {
            return HealthCheckResult.Healthy("the audit log is off (Development)");
        }

        try
        {
            await audit.ProbeAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("the audit sink writes");
        }
        catch (AuditUnavailableException)
        {
            // The writer has logged the failure with its cause; the probe answer stays short and path-free.
            return new HealthCheckResult(context.Registration.FailureStatus, "the audit sink cannot write: governed calls are refused until it can");
        }
        catch (ChannelClosedException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "the audit log is closed (the server is shutting down)");
        }
    }
}
