namespace McpPlatform.Testing.Tests;

/// <summary>A fresh issuer and a validator that reads its discovery document, per test.</summary>
public abstract class IssuerTestBase : IAsyncLifetime
{
    private protected TestOidcIssuer Issuer { get; private set; } = null!;

    private protected DiscoveryValidator Validator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await TestOidcIssuer.StartAsync();
        Validator = new DiscoveryValidator(Issuer);
    }

    public async Task DisposeAsync()
    {
        Validator.Dispose();
        await Issuer.DisposeAsync();
    }
}
