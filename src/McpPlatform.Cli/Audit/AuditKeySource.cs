using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Secrets;

namespace McpPlatform.Cli.Audit;

/// <summary>
/// Where <c>audit verify</c> takes the audit chain key from, first match wins: <c>--key-file</c> (the key's
/// text), the <see cref="EnvironmentVariable"/>, Azure Key Vault (<c>--vault-uri</c>), or the local secret store
/// (<c>--store</c>, else the per-user default) when it holds the secret. The key never appears in output.
/// </summary>
internal static class AuditKeySource
{
    /// <summary>The environment variable holding the key's text.</summary>
    public const string EnvironmentVariable = "MCP_PLATFORM_AUDIT_KEY";

    /// <summary>The key, or null when no source has it; throws <see cref="AuditKeyException"/> when a named source fails.</summary>
    public static async Task<(AuditChainKey? Key, string? Source)> ResolveAsync(
        string? keyFile, string? vaultUri, string? store, string secretName, CancellationToken cancellationToken)
    {
        if (keyFile is not null)
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(keyFile, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new AuditKeyException($"cannot read the key file '{keyFile}': {e.Message}");
            }

            return (FromSecret(text, $"the key file '{keyFile}'"), $"key file {keyFile}");
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return (FromSecret(fromEnvironment, EnvironmentVariable), EnvironmentVariable);
        }

        ISecretProvider provider;
        if (vaultUri is not null)
        {
            try
            {
                provider = KeyVaultSecretProvider.FromOptions(new SecretsOptions { Provider = "keyvault", VaultUri = vaultUri });
            }
            catch (InvalidOperationException e)
            {
                throw new AuditKeyException(e.Message);
            }
        }
        else
        {
            var local = LocalSecretStore.Open(store);
            if (store is null && !File.Exists(local.FilePath))
            {
                return (null, null); // no default store on this machine
            }

            provider = local;
        }

        SecretValue? secret;
        try
        {
            secret = await provider.GetSecretAsync(secretName, cancellationToken);
        }
        catch (SecretProviderException e)
        {
            throw new AuditKeyException($"cannot read the secret '{secretName}' from the {provider.Name} store: {e.Message}");
        }

        return secret is null
            ? (null, null)
            : (FromSecret(secret.Value, $"the secret '{secretName}' in the {provider.Name} store"), $"secret {secretName} ({provider.Name})");
    }

    private static AuditChainKey FromSecret(string text, string source)
    {
        try
        {
            return AuditChainKey.FromSecret(text);
        }
        catch (ArgumentException e)
        {
            throw new AuditKeyException($"the audit chain key from {source} is not usable: {e.Message}");
        }
    }
}

/// <summary>A key source that was named could not give the key; the message never holds it.</summary>
internal sealed class AuditKeyException(string message) : Exception(message);
