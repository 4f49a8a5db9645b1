using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Health;

/// <summary>
/// Ready while the server holds the identity provider's metadata (issuer and signing keys), so it can validate tokens.
/// Asks the JWT bearer handler's own configuration manager: the metadata it fetched is what validates tokens, it is
/// cached (refreshed on its own schedule), so a probe every few seconds costs nothing once it has been fetched, and
/// a provider that is briefly down does not take every replica out of service while the cached keys still work.
/// </summary>
internal sealed partial class IdentityProviderHealthCheck(
    IOptions<ResourceServerOptions> resourceServer,
    DevelopmentIssuerSelection developmentIssuer,
    IOptionsMonitor<JwtBearerOptions> bearer,
    ILogger<IdentityProviderHealthCheck> logger) : IHealthCheck
{
    public const string Name = "identity-provider";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!resourceServer.Value.Enabled)
        {
            return HealthCheckResult.Healthy("authentication is off (Development)");
        }

        if (developmentIssuer.Issuer is not null)
        {
            return HealthCheckResult.Healthy("development issuer: its key is local, there is no metadata to fetch");
        }

        var manager = bearer.Get(McpPlatformAuthenticationDefaults.AuthenticationScheme).ConfigurationManager;
        if (manager is null)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "no identity provider is configured (McpPlatform:Authentication:Authority)");
        }

        try
        {
            // The manager does not pass the token on to its HTTP request: WaitAsync bounds the wait (McpPlatform:Health:Timeout).
            var configuration = await manager.GetConfigurationAsync(cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
            return configuration.SigningKeys.Count > 0
                ? HealthCheckResult.Healthy("the identity provider's metadata and signing keys are loaded")
                : new HealthCheckResult(context.Registration.FailureStatus, "the identity provider's metadata names no signing keys");
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The metadata address is logged for the operator, never put in the anonymous answer.
            LogMetadataFailed(logger, failure);
            return new HealthCheckResult(
                context.Registration.FailureStatus, $"the identity provider's metadata cannot be fetched ({Innermost(failure).GetType().Name})");
        }
    }

    private static Exception Innermost(Exception failure)
    {
        while (failure.InnerException is { } inner)
        {
            failure = inner;
        }

        return failure;
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Readiness: the identity provider's metadata cannot be fetched; tokens cannot be validated until it can.")]
    private static partial void LogMetadataFailed(ILogger logger, Exception failure);
}
