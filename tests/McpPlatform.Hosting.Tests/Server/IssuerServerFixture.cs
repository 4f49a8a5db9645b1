using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Server;

/// <summary>
/// A loopback OIDC issuer and a server in Production trusting it (Authority = the issuer, Resource =
/// the server's MCP URL), with the governance set-up of <see cref="GovernedPolicy"/>: shared by the
/// tests of a class.
/// </summary>
public sealed class IssuerServerFixture : IAsyncLifetime
{
    private TestOidcIssuer? _issuer;
    private RunningServer? _server;

    internal TestOidcIssuer Issuer => _issuer ?? throw new InvalidOperationException("The fixture has not started.");

    public RunningServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _issuer = await TestOidcIssuer.StartAsync();
        _server = await RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = _issuer,
            GrantTestCallerEverything = false,
            Settings = GovernedPolicy.Settings,
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_issuer is not null)
        {
            await _issuer.DisposeAsync();
        }
    }
}
