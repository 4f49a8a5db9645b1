namespace McpPlatform.Hosting.Tests.Fleet;

/// <summary>
/// What every fleet test starts first and stops last: an OIDC issuer the replicas trust and a real redis-server
/// they share on a loopback port.
/// </summary>
public abstract class FleetTestBase : IAsyncLifetime
{
    private protected TestOidcIssuer Issuer { get; private set; } = null!;

    private protected RedisServer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await TestOidcIssuer.StartAsync();
        Redis = await RedisServer.StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
