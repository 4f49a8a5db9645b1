using System.Net;
using Azure.Security.KeyVault.Secrets;
using McpPlatform.Governance.Secrets;
using McpPlatform.Hosting.Secrets;

namespace McpPlatform.Hosting.Tests.Secrets;

/// <summary>The real <see cref="SecretClient"/>, through <see cref="KeyVaultSecretProvider"/>, against the loopback <see cref="FakeKeyVault"/>.</summary>
public sealed class KeyVaultSecretProviderTests
{
    private const string SecretName = "jira-token";
    private const string SecretText = "s3cret-value-do-not-print-7f3a";

    [Fact]
    public async Task Returns_the_current_value_and_its_version()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        var version = vault.SetSecret(SecretName, SecretText);
        var provider = ProviderFor(vault);

        var secret = await provider.GetSecretAsync(SecretName, CancellationToken.None);

        Assert.NotNull(secret);
        Assert.Equal(SecretText, secret.Value);
        Assert.Equal(version, secret.Version);
        Assert.Equal("key-vault", provider.Name);
        Assert.False(string.IsNullOrEmpty(vault.LastApiVersion));
    }

    [Fact]
    public async Task Challenge_is_answered_once_then_the_token_is_reused()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        vault.SetSecret(SecretName, SecretText);
        var provider = ProviderFor(vault);

        await provider.GetSecretAsync(SecretName, CancellationToken.None);
        await provider.GetSecretAsync(SecretName, CancellationToken.None);
        await provider.GetSecretAsync("missing", CancellationToken.None);

        Assert.Equal(1, vault.ChallengeCount);
        Assert.Equal(4, vault.Requests);
        Assert.Equal(0, vault.RejectedTokenCount);
        var tokenRequest = Assert.Single(vault.Credential.Requests);
        Assert.Equal([FakeKeyVault.Resource + "/.default"], tokenRequest.Scopes);
        Assert.Equal(FakeKeyVault.TenantId, tokenRequest.TenantId);
    }

    [Fact]
    public async Task Missing_secret_is_null()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        vault.SetSecret(SecretName, SecretText);

        var secret = await ProviderFor(vault).GetSecretAsync("no-such-secret", CancellationToken.None);

        Assert.Null(secret);
    }

    [Fact]
    public async Task Rotated_secret_returns_the_new_value_and_version()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        var first = vault.SetSecret(SecretName, SecretText);
        var provider = ProviderFor(vault);
        var before = await provider.GetSecretAsync(SecretName, CancellationToken.None);

        var second = vault.SetSecret(SecretName, "rotated-value");
        var after = await provider.GetSecretAsync(SecretName, CancellationToken.None);

        Assert.Equal(new SecretValue(SecretText, first), before);
        Assert.Equal(new SecretValue("rotated-value", second), after);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Fake_vault_serves_older_versions_and_the_version_list_to_the_sdk()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        var first = vault.SetSecret(SecretName, SecretText);
        var second = vault.SetSecret(SecretName, "rotated-value");
        var client = new SecretClient(vault.VaultUri, vault.Credential, vault.CreateClientOptions());
        var cancellationToken = CancellationToken.None;

        KeyVaultSecret old = await client.GetSecretAsync(SecretName, first, cancellationToken);
        var listed = new List<string?>();
        await foreach (var properties in client.GetPropertiesOfSecretVersionsAsync(SecretName, cancellationToken))
        {
            listed.Add(properties.Version);
        }

        Assert.Equal(SecretText, old.Value);
        Assert.Equal(first, old.Properties.Version);
        Assert.Equal(SecretName, old.Name);
        Assert.Equal([first, second], listed);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Vault_failure_is_a_provider_exception_naming_the_secret_but_not_the_value(HttpStatusCode status)
    {
        await using var vault = await FakeKeyVault.StartAsync();
        vault.SetSecret(SecretName, SecretText);
        var provider = ProviderFor(vault);
        vault.FailWith(status);

        var ex = await Assert.ThrowsAsync<SecretProviderException>(
            async () => await provider.GetSecretAsync(SecretName, CancellationToken.None));

        Assert.Equal(
            $"Key Vault {vault.VaultUri.Authority} could not return secret '{SecretName}': HTTP {(int)status} {status}",
            ex.Message);
        AssertNoValueIn(ex);
    }

    [Fact]
    public async Task Vault_recovers_after_an_outage()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        vault.SetSecret(SecretName, SecretText);
        var provider = ProviderFor(vault);
        vault.FailWith(HttpStatusCode.InternalServerError);
        await Assert.ThrowsAsync<SecretProviderException>(
            async () => await provider.GetSecretAsync(SecretName, CancellationToken.None));

        vault.StopFailing();
        var secret = await provider.GetSecretAsync(SecretName, CancellationToken.None);

        Assert.Equal(SecretText, secret?.Value);
    }

    [Fact]
    public async Task Token_the_vault_does_not_accept_is_a_provider_exception()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        vault.SetSecret(SecretName, SecretText);
        var provider = new KeyVaultSecretProvider(vault.VaultUri, new FakeTokenCredential("someone-elses-token"), vault.CreateClientOptions());

        var ex = await Assert.ThrowsAsync<SecretProviderException>(
            async () => await provider.GetSecretAsync(SecretName, CancellationToken.None));

        Assert.Contains($"'{SecretName}'", ex.Message);
        Assert.Contains("HTTP 401", ex.Message);
        Assert.True(vault.RejectedTokenCount >= 1);
        AssertNoValueIn(ex);
    }

    [Fact]
    public async Task Unreachable_vault_is_a_provider_exception()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        vault.SetSecret(SecretName, SecretText);
        var provider = ProviderFor(vault);
        await provider.GetSecretAsync(SecretName, CancellationToken.None);
        var authority = vault.VaultUri.Authority;
        await vault.StopAsync();

        var ex = await Assert.ThrowsAsync<SecretProviderException>(
            async () => await provider.GetSecretAsync(SecretName, CancellationToken.None));

        Assert.Equal($"Key Vault {authority} could not return secret '{SecretName}': the vault could not be reached (ConnectionError) after 2 attempts", ex.Message);
        AssertNoValueIn(ex);
    }

    [Fact]
    public async Task Credential_without_a_token_is_a_provider_exception()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        vault.SetSecret(SecretName, SecretText);
        var provider = new KeyVaultSecretProvider(vault.VaultUri, new NoIdentityCredential(), vault.CreateClientOptions());

        var ex = await Assert.ThrowsAsync<SecretProviderException>(
            async () => await provider.GetSecretAsync(SecretName, CancellationToken.None));

        Assert.Equal(
            $"Key Vault {vault.VaultUri.Authority} could not return secret '{SecretName}': no access token (CredentialUnavailableException)",
            ex.Message);
        AssertNoValueIn(ex);
    }

    [Fact]
    public void Production_factory_names_the_setting_when_the_vault_uri_is_missing()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => KeyVaultSecretProvider.FromOptions(new SecretsOptions { Provider = "keyvault" }));

        Assert.Contains("McpPlatform:Secrets:VaultUri", ex.Message);
    }

    [Fact]
    public void Production_factory_accepts_a_vault_uri()
    {
        var provider = KeyVaultSecretProvider.FromOptions(new SecretsOptions { Provider = "keyvault", VaultUri = "https://contoso-mcp.vault.azure.net/" });

        Assert.Equal("key-vault", provider.Name);
    }

    private static KeyVaultSecretProvider ProviderFor(FakeKeyVault vault) =>
        new(vault.VaultUri, vault.Credential, vault.CreateClientOptions());

    private static void AssertNoValueIn(Exception ex)
    {
        for (Exception? current = ex; current is not null; current = current.InnerException)
        {
            Assert.DoesNotContain(SecretText, current.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(SecretText, current.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>What DefaultAzureCredential does on a machine with no managed identity and no developer sign-in.</summary>
    private sealed class NoIdentityCredential : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.CredentialUnavailableException("No managed identity endpoint found.");

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.CredentialUnavailableException("No managed identity endpoint found.");
    }
}
