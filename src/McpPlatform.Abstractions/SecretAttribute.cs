namespace McpPlatform;

/// <summary>
/// Declares that a tool uses a secret and injects its value into this parameter: the
/// parameter is not part of the tool's input schema, the secret is listed in the governance
/// manifest, and the tool can read no secret it did not declare. The value is fetched from the
/// server's secret provider (Azure Key Vault in production, a local encrypted store in
/// development) and never written to logs, audit records or errors.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SecretAttribute(string name) : Attribute
{
    /// <summary>The secret's name in the provider, e.g. <c>jira-token</c>.</summary>
    public string Name { get; } = name;
}
