using McpPlatform.Governance.Secrets;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using McpPlatform.Secrets.LocalStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Secrets;

/// <summary>
/// Registers the secret store tools read through <see cref="SecretAccess"/>: Azure Key Vault
/// (<c>Provider: keyvault</c>, managed / workload identity) or the per-user encrypted local
/// store (the default, Development only unless explicitly allowed).
/// </summary>
internal static class PlatformSecrets
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecretsOptions>().Bind(configuration.GetSection(SecretsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecretsOptions>, SecretsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // A provider registered by the application (tests, another vault) wins.
        services.TryAddSingleton<ISecretProvider>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SecretsOptions>>().Value;
            return IsKeyVault(options)
                ? KeyVaultSecretProvider.FromOptions(options)
                : LocalSecretStore.Open(options.LocalStoreDirectory);
        });
        services.AddSingleton<SecretAccess>();
    }

    internal static bool IsKeyVault(SecretsOptions options) =>
        string.Equals(options.Provider, "keyvault", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Outside Development a server whose tools declare secrets needs Key Vault with a vault URI,
    /// or the local store by explicit opt-in; a server without secrets is not held to it.
    /// </summary>
    private sealed class SecretsOptionsValidator(IHostEnvironment environment, McpToolCatalog catalog) : IValidateOptions<SecretsOptions>
    {
        public ValidateOptionsResult Validate(string? name, SecretsOptions options)
        {
            var failures = new List<string>();
            var keyVault = IsKeyVault(options);
            if (!keyVault && !string.Equals(options.Provider, "local", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"McpPlatform:Secrets:Provider must be 'keyvault' or 'local' (got '{options.Provider}').");
            }

            if (keyVault && (!Uri.TryCreate(options.VaultUri, UriKind.Absolute, out var vault) || vault.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"McpPlatform:Secrets:VaultUri must be the vault's https URI, e.g. https://contoso-mcp.vault.azure.net/ (got '{options.VaultUri}').");
            }

            var usesSecrets = catalog.Descriptors.Any(tool => tool.Secrets.Count > 0);
            if (usesSecrets && !keyVault && !environment.IsDevelopment() && !options.AllowLocalStoreOutsideDevelopment)
            {
                failures.Add($"McpPlatform:Secrets:Provider 'local' (the per-user development store) is refused in the '{environment.EnvironmentName}' environment; " +
                    "use 'keyvault' with VaultUri, or set AllowLocalStoreOutsideDevelopment=true for a single-machine deployment.");
            }

            if (options.CacheTtl < TimeSpan.Zero || options.CacheTtl > TimeSpan.FromHours(24))
            {
                failures.Add($"McpPlatform:Secrets:CacheTtl must be between 0 and 24:00:00 (got {options.CacheTtl}).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
