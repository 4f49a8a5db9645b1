using McpPlatform.Governance.Secrets;
using McpPlatform.Hosting.Secrets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Health;

/// <summary>
/// Ready while the secret store answers: tools that read a secret fail while it does not. Asks the store for a secret
/// that need not exist (<see cref="ProbeSecretName"/>): "no such secret" (Key Vault's 404) is an answer, so it counts
/// as reachable; only an unreachable or refusing store (<see cref="SecretProviderException"/>) or an unreadable local
/// store file is unhealthy. The value, should the secret exist, is dropped at once. The answer is reused for
/// <see cref="HealthOptions.SecretStoreProbeInterval"/>, so probes do not add up to a stream of vault requests.
/// </summary>
internal sealed partial class SecretStoreHealthCheck(
    ISecretProvider provider, IOptions<HealthOptions> options, TimeProvider time, ILogger<SecretStoreHealthCheck> logger) : IHealthCheck
{
    public const string Name = "secret-store";

    /// <summary>The secret the probe asks for; it need not exist.</summary>
    public const string ProbeSecretName = "mcp-platform-readiness-probe";

    private readonly SemaphoreSlim _one = new(1, 1);
    private (HealthCheckResult Result, long At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var interval = options.Value.SecretStoreProbeInterval;

        // One probe at a time: concurrent readiness requests share the one that is under way.
        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last is { } last && time.GetElapsedTime(last.At) < interval)
            {
                return last.Result;
            }

            var result = await ProbeAsync(context.Registration.FailureStatus, cancellationToken).ConfigureAwait(false);
            _last = (result, time.GetTimestamp());
            return result;
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<HealthCheckResult> ProbeAsync(HealthStatus failureStatus, CancellationToken cancellationToken)
    {
        try
        {
            _ = await provider.GetSecretAsync(ProbeSecretName, cancellationToken).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"the {provider.Name} secret store answers");
        }
        catch (Exception failure) when (failure is SecretProviderException or IOException or UnauthorizedAccessException)
        {
            // The store's message (vault host, file path, HTTP status; never a value) goes to the log, not to the anonymous answer.
            LogUnreachable(logger, provider.Name, failure);
            return new HealthCheckResult(failureStatus, $"the {provider.Name} secret store cannot be reached");
        }
    }

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Readiness: the {Provider} secret store cannot be reached; tools that read secrets fail until it can.")]
    private static partial void LogUnreachable(ILogger logger, string provider, Exception failure);
}
