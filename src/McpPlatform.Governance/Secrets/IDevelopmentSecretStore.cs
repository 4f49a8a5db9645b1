namespace McpPlatform.Governance.Secrets;

/// <summary>
/// A secret store the platform may write to by itself in Development (the per-user local store): it
/// creates secrets a development run needs, such as the audit chain key, instead of asking for them.
/// </summary>
public interface IDevelopmentSecretStore : ISecretProvider
{
    /// <summary>Where the store keeps its files, for messages.</summary>
    string Directory { get; }

    /// <summary>Stores a new version of the secret and returns its version.</summary>
    Task<string> SetAsync(string name, string value, CancellationToken cancellationToken = default);
}
