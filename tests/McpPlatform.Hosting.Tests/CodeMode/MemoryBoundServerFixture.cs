using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>
/// A server whose only tight Code Mode limit is memory (16 MB): arrays may be long, so every
/// builtin that builds a large string or array meets the memory budget, not the array limit.
/// </summary>
public sealed class MemoryBoundServerFixture : IAsyncLifetime
{
    public const long MemoryLimitBytes = 16 * 1024 * 1024;

    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
    {
        ["McpPlatform:CodeMode:Default"] = "search_and_execute",
        ["McpPlatform:CodeMode:MemoryLimitBytes"] = MemoryLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["McpPlatform:CodeMode:MaxArrayLength"] = "10000000",
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
