using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Secrets;
using McpPlatform.Secrets.LocalStore;

namespace McpPlatform.Cli.Audit;

/// <summary>
/// Where <c>audit verify</c> takes the audit chain key from, first match wins: <c>--key-file</c> (the key's
/// text), the <see cref="EnvironmentVariable"/> (how a key in Azure Key Vault is passed: <c>--vault-uri</c> only says so),
/// or the local secret store
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

        if (vaultUri is not null)
        {
            // The tool carries no Azure SDK (no Azure.Identity sign-in stack); az already signs the user in.
            throw new AuditKeyException(
                "mcp-platform no longer reads Azure Key Vault itself. Pass the key from the vault with the Azure CLI instead: "
                + $"{EnvironmentVariable}=\"$(az keyvault secret show --id {vaultUri.TrimEnd('/')}/secrets/{secretName} --query value -o tsv)\" mcp-platform audit verify ...");
        }

        var local = LocalSecretStore.Open(store);
        if (store is null && !File.Exists(local.FilePath))
        {
            return (null, null); // no default store on this machine
        }

        ISecretProvider provider = local;

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
