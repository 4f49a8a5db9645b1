namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// Base of the test classes that run a server trusting a loopback OIDC issuer and read back the
/// audit file it writes: a fresh issuer and a fresh audit folder for every test.
/// </summary>
public abstract class AuditedIssuerTests : IAsyncLifetime
{
    /// <summary>The temporary folder the server writes its audit file to.</summary>
    private protected AuditFolder Audit { get; } = new();

    /// <summary>The issuer the server trusts; started before each test.</summary>
    private protected TestOidcIssuer Issuer { get; private set; } = null!;

    public async Task InitializeAsync() => Issuer = await TestOidcIssuer.StartAsync();

    public async Task DisposeAsync()
    {
        await Issuer.DisposeAsync();
        Audit.Dispose();
    }
}
