using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>A server with tight Code Mode limits, so every limit is reached quickly.</summary>
public sealed class LimitedServerFixture : IAsyncLifetime
{
    public const int MaxInnerCalls = 5;
    public const int MaxResultBytes = 2048;
    public const int MaxLogBytes = 256;

    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
    {
        ["McpPlatform:CodeMode:Default"] = "search_and_execute",
        ["McpPlatform:CodeMode:Timeout"] = "00:00:05",
        ["McpPlatform:CodeMode:MaxStatements"] = "200000",
        ["McpPlatform:CodeMode:MemoryLimitBytes"] = (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["McpPlatform:CodeMode:MaxRecursionDepth"] = "100",
        ["McpPlatform:CodeMode:RegexTimeout"] = "00:00:00.200",
        ["McpPlatform:CodeMode:MaxArrayLength"] = "100000",
        ["McpPlatform:CodeMode:MaxInnerCalls"] = MaxInnerCalls.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["McpPlatform:CodeMode:MaxResultBytes"] = MaxResultBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["McpPlatform:CodeMode:MaxLogBytes"] = MaxLogBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
