using McpPlatform.Governance.Secrets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// Reads the audit chain key from the platform's secret store once, at start: the environment override
/// (<c>MCP_SECRET_AUDIT_CHAIN_KEY</c> by default, as for tool secrets), then the configured provider. In
/// Development a missing key is created in the local store; outside Development a missing key stops the server
/// with a message naming the secret: a key made up on the spot would be lost with the container, and with it
/// the proof that the files were not rewritten.
/// </summary>
internal static partial class AuditChainKeyLoader
{
    public static AuditChainKey Load(
        ISecretProvider provider, AuditOptions audit, SecretsOptions secrets, IHostEnvironment environment, ILogger logger)
    {
        var name = audit.KeySecretName;
        var variable = secrets.EnvironmentPrefix + name.ToUpperInvariant().Replace('-', '_');
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } overridden)
        {
            return FromSecret(overridden, $"the environment variable {variable}");
        }

        SecretValue? stored;
        try
        {
            stored = provider.GetSecretAsync(name, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (SecretProviderException failure)
        {
            throw new InvalidOperationException(
                $"{AuditOptions.SectionName}:{nameof(AuditOptions.KeySecretName)}: the audit chain key '{name}' cannot be read from the {provider.Name} store: {failure.Message}",
                failure);
        }

        if (stored is not null)
        {
            return FromSecret(stored.Value, $"the secret '{name}' in the {provider.Name} store");
        }

        if (provider is IDevelopmentSecretStore local && environment.IsDevelopment())
        {
            var created = AuditChainKey.NewSecret();
            local.SetAsync(name, created).GetAwaiter().GetResult();
            LogCreated(logger, name, local.Directory);
            return AuditChainKey.FromSecret(created);
        }

        if (environment.IsDevelopment())
        {
            // Another provider (a test's, a shared vault) without the key: this run still chains, with a key it forgets.
            LogEphemeral(logger, name, provider.Name);
            return AuditChainKey.FromSecret(AuditChainKey.NewSecret());
        }

        throw new InvalidOperationException(
            $"{AuditOptions.SectionName}:{nameof(AuditOptions.KeySecretName)}: the audit chain key '{name}' does not exist in the {provider.Name} store. " +
            $"Outside Development the audit log is keyed with a secret you create and keep: e.g. az keyvault secret set --vault-name <vault> --name {name} --value \"$(openssl rand -base64 32)\", " +
            $"or set {variable} from your platform's secret store (a Kubernetes Secret, a Container Apps secret).");
    }

    private static AuditChainKey FromSecret(string value, string source)
    {
        try
        {
            return AuditChainKey.FromSecret(value);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{AuditOptions.SectionName}:{nameof(AuditOptions.KeySecretName)}: the audit chain key from {source} is too short. {e.Message}");
        }
    }

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Created the audit chain key '{Secret}' in the local secret store at {Folder}; keep it to verify these audit files later")]
    private static partial void LogCreated(ILogger logger, string secret, string folder);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "The audit chain key '{Secret}' is not in the {Provider} store; Development uses a key for this run only, so its audit files cannot be verified later")]
    private static partial void LogEphemeral(ILogger logger, string secret, string provider);
}
