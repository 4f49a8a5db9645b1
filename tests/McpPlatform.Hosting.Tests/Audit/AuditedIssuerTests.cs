using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Hosting;

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

    /// <summary>
    /// A governed server in Production that trusts <see cref="Issuer"/>, applies the test policy
    /// (<see cref="GovernedPolicy"/>) plus <paramref name="settings"/>, and audits into <see cref="Audit"/>.
    /// </summary>
    private protected Task<RunningServer> StartProductionAsync(Dictionary<string, string?>? settings = null, Func<ServerSetup, ServerSetup>? adjust = null)
    {
        var setup = new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = Issuer,
            GrantTestCallerEverything = false,
            AuditDirectory = Audit.Path,
            Settings = new Dictionary<string, string?>(GovernedPolicy.Settings.Concat(settings ?? [])),
        };
        return RunningServer.StartAsync(adjust is null ? setup : adjust(setup));
    }

    public async Task InitializeAsync() => Issuer = await TestOidcIssuer.StartAsync();

    public async Task DisposeAsync()
    {
        await Issuer.DisposeAsync();
        Audit.Dispose();
    }
}
