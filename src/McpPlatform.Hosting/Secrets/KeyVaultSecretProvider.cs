using System.Net;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using McpPlatform.Governance.Secrets;

namespace McpPlatform.Hosting.Secrets;

/// <summary>
/// Secrets from Azure Key Vault through the official <see cref="SecretClient"/>: the current version
/// of a secret, null when the vault has no such secret, and a <see cref="SecretProviderException"/>
/// (naming the vault and the secret, never the value) when the vault cannot be asked.
/// </summary>
public sealed class KeyVaultSecretProvider : ISecretProvider
{
    private readonly SecretClient _client;
    private readonly string _vaultHost;

    /// <summary>A provider for the vault at <paramref name="vaultUri"/>, authenticating with <paramref name="credential"/>.</summary>
    /// <param name="vaultUri">The vault URI, e.g. <c>https://contoso-mcp.vault.azure.net/</c>; must be absolute https.</param>
    /// <param name="credential">Where access tokens come from, e.g. a managed or workload identity.</param>
    /// <param name="options">Client options (retries, transport); the SDK defaults when null.</param>
    public KeyVaultSecretProvider(Uri vaultUri, TokenCredential credential, SecretClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vaultUri);
        ArgumentNullException.ThrowIfNull(credential);
        if (!vaultUri.IsAbsoluteUri || vaultUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"The Key Vault URI must be an absolute https URI, but was '{vaultUri}'.", nameof(vaultUri));
        }

        _vaultHost = vaultUri.Authority;
        _client = options is null ? new SecretClient(vaultUri, credential) : new SecretClient(vaultUri, credential, options);
    }

    /// <inheritdoc />
    public string Name => "key-vault";

    /// <summary>
    /// The production provider for <see cref="SecretsOptions.VaultUri"/>, authenticating with
    /// <see cref="DefaultAzureCredential"/> (managed identity or workload identity in Azure, the developer's
    /// Azure CLI / Visual Studio sign-in on a workstation).
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="SecretsOptions.VaultUri"/> is missing or not an absolute https URI.</exception>
    public static KeyVaultSecretProvider FromOptions(SecretsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.VaultUri)
            || !Uri.TryCreate(options.VaultUri, UriKind.Absolute, out var vaultUri)
            || vaultUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException(
                $"{SecretsOptions.SectionName}:VaultUri must be the vault's https URI (e.g. https://contoso-mcp.vault.azure.net/), but was '{options.VaultUri}'.");
        }

        return new KeyVaultSecretProvider(vaultUri, new DefaultAzureCredential());
    }

    /// <inheritdoc />
    public async ValueTask<SecretValue?> GetSecretAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            Response<KeyVaultSecret> response = await _client.GetSecretAsync(name, version: null, cancellationToken).ConfigureAwait(false);
            var secret = response.Value;
            return new SecretValue(secret.Value ?? string.Empty, secret.Properties.Version);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (RequestFailedException ex)
        {
            throw Failure(name, Reason(ex), ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0 && ex.InnerExceptions.All(inner => inner is RequestFailedException))
        {
            // Azure.Core's retry policy throws this when every attempt failed before a response (transport errors).
            var attempts = ex.InnerExceptions.Count;
            throw Failure(name, $"{Reason((RequestFailedException)ex.InnerExceptions[^1])} after {attempts} attempt{(attempts == 1 ? "" : "s")}", ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw Failure(name, $"no access token ({ex.GetType().Name})", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure(name, "the request timed out", ex);
        }
    }

    private static string Reason(RequestFailedException ex) => ex.Status switch
    {
        0 when ex.InnerException is HttpRequestException transport => $"the vault could not be reached ({transport.HttpRequestError})",
        0 => $"the vault could not be reached ({ex.InnerException?.GetType().Name ?? "no response"})",
        _ when string.IsNullOrEmpty(ex.ErrorCode) => $"HTTP {ex.Status}",
        _ => $"HTTP {ex.Status} {ex.ErrorCode}",
    };

    private SecretProviderException Failure(string name, string reason, Exception inner) =>
        new($"Key Vault {_vaultHost} could not return secret '{name}': {reason}", inner);
}
