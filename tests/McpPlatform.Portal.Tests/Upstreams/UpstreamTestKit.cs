using McpPlatform.Governance.Secrets;
using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Upstreams;
using McpPlatform.Secrets.LocalStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.Portal.Tests.Upstreams;

/// <summary>
/// What the upstream tests share: the real npm servers and the test upstream script, connections built the way the
/// registry builds them, a real local secret store in a temp folder, and bounded waits on conditions.
/// </summary>
internal static class UpstreamTestKit
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static string Node => RepositoryLayout.NodeExecutable();

    public static string MemoryServer => Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "server-memory", "dist", "index.js");

    public static string EverythingServer => Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "server-everything", "dist", "index.js");

    public static string SdkDist => Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "sdk", "dist", "esm");

    public static string TestUpstream => Path.Combine(RepositoryLayout.Root, "tests", "McpPlatform.Portal.Tests", "Upstreams", "node", "test-upstream.mjs");

    /// <summary>Options of the misbehaving test upstream (stdio), fast timeouts and restarts.</summary>
    public static UpstreamOptions TestUpstreamOptions(Action<UpstreamOptions>? configure = null)
    {
        var options = new UpstreamOptions
        {
            Command = Node,
            Arguments = [TestUpstream],
            Environment = { ["MCP_SDK_DIST"] = SdkDist },
            Timeout = TimeSpan.FromSeconds(5),
            RestartDelay = TimeSpan.FromMilliseconds(100),
            MaxRestartDelay = TimeSpan.FromSeconds(1),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Services as the portal has them: a secret store (when given) and its options.</summary>
    public static ServiceProvider Services(ISecretProvider? secrets = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new SecretsOptions { EnvironmentPrefix = "MCP_PORTAL_TEST_SECRET_" + Guid.NewGuid().ToString("N")[..8] + "_" }));
        if (secrets is not null)
        {
            services.AddSingleton(secrets);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>A started connection; dispose it to stop the upstream.</summary>
    public static async Task<UpstreamConnection> StartAsync(string @namespace, UpstreamOptions options, IServiceProvider? services = null)
    {
        var connection = new UpstreamConnection(@namespace, options, services ?? Services());
        await connection.StartAsync(CancellationToken.None);
        return connection;
    }

    /// <summary>A started connection that is connected, or a failure saying what its health was.</summary>
    public static async Task<UpstreamConnection> ConnectedAsync(string @namespace, UpstreamOptions options, IServiceProvider? services = null)
    {
        var connection = await StartAsync(@namespace, options, services);
        await WaitUntilAsync(() => connection.Client is not null, $"'{@namespace}' connects", () => connection.Health.ToString());
        return connection;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, failing after <see cref="Patience"/>.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, string what, Func<string>? state = null, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), what, state, timeout);

    /// <summary>Polls <paramref name="condition"/> until it holds, failing after <see cref="Patience"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, Func<string>? state = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}{(state is null ? "" : " (" + state() + ")")}.");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>A real local secret store in a fresh folder, holding <paramref name="secrets"/>.</summary>
    public static async Task<LocalSecretStore> SecretStoreAsync(TemporaryFolder folder, params (string Name, string Value)[] secrets)
    {
        var store = new LocalSecretStore(folder.Combine("secrets"));
        foreach (var (name, value) in secrets)
        {
            await store.SetAsync(name, value);
        }

        return store;
    }

    /// <summary>The text of a result's first content block.</summary>
    public static string Text(ModelContextProtocol.Protocol.CallToolResult result) =>
        result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().FirstOrDefault()?.Text ?? "";
}
