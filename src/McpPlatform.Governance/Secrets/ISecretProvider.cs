namespace McpPlatform.Governance.Secrets;

/// <summary>
/// Where secret values come from: Azure Key Vault, the local encrypted store, or the
/// environment. Implementations return null for a secret that does not exist and throw
/// <see cref="SecretProviderException"/> when the store cannot be reached; neither carries the value.
/// </summary>
public interface ISecretProvider
{
    /// <summary>A short name for messages and the audit log, e.g. <c>key-vault</c>.</summary>
    string Name { get; }

    /// <summary>The current version of the secret, or null when it does not exist.</summary>
    ValueTask<SecretValue?> GetSecretAsync(string name, CancellationToken cancellationToken);
}

/// <summary>A secret's value and, when the store versions secrets, its version.</summary>
public sealed record SecretValue(string Value, string? Version)
{
    /// <summary>Never prints the value.</summary>
    public override string ToString() => $"SecretValue(version {Version ?? "none"})";
}

/// <summary>The secret store could not be reached or refused access; the message never holds a value.</summary>
public sealed class SecretProviderException(string message, Exception? inner = null) : Exception(message, inner);
