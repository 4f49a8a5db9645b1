namespace McpPlatform.Governance.Secrets;

/// <summary>Where tool secrets come from, bound from <c>McpPlatform:Secrets</c>.</summary>
public sealed class SecretsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = McpPlatformOptions.SectionName + ":Secrets";

    /// <summary><c>local</c> (the per-user encrypted store, Development only unless <see cref="AllowLocalStoreOutsideDevelopment"/>) or <c>keyvault</c>.</summary>
    public string Provider { get; set; } = "local";

    /// <summary>The Azure Key Vault URI, e.g. <c>https://contoso-mcp.vault.azure.net/</c>.</summary>
    public string? VaultUri { get; set; }

    /// <summary>How long a fetched value is reused before the provider is asked again (rotation is picked up after this).</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Environment variables <c>{prefix}{NAME}</c> (upper case, '-' as '_') override the provider, e.g. MCP_SECRET_JIRA_TOKEN.</summary>
    public string EnvironmentPrefix { get; set; } = "MCP_SECRET_";

    /// <summary>The local store's folder; a per-user folder outside the repository by default.</summary>
    public string? LocalStoreDirectory { get; set; }

    /// <summary>Explicit opt-in to the local store outside Development (single-machine deployments).</summary>
    public bool AllowLocalStoreOutsideDevelopment { get; set; }
}
