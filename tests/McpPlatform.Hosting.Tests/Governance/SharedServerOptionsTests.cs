using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Tests.Governance;

/// <summary>
/// A stateless server builds its MCP server options (every configure action and the governed-surface check) once,
/// not on every request, and still builds them afresh per request when the app changes a session's options in place.
/// </summary>
public sealed class SharedServerOptionsTests
{
    [Fact]
    public async Task Stateless_calls_reuse_the_options_built_and_checked_at_start()
    {
        var builds = new BuildCounter();
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Settings = new Dictionary<string, string?> { ["McpPlatform:SessionMode"] = "Stateless" },
            Services = services => services.AddSingleton<IConfigureOptions<McpServerOptions>>(builds),
        });
        var atStart = builds.Count;
        await using var client = await server.ConnectClientAsync();

        for (var i = 0; i < 3; i++)
        {
            var result = await client.CallAsync("echo", $$"""{"text":"call {{i}}"}""");
            Assert.Contains($"call {i}", result.SingleText());
        }

        Assert.Equal(1, atStart);
        Assert.Equal(1, builds.Count);
    }

    [Fact]
    public async Task Stateless_calls_get_fresh_options_when_the_app_configures_each_session()
    {
        var builds = new BuildCounter();
        var sessions = 0;
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Settings = new Dictionary<string, string?> { ["McpPlatform:SessionMode"] = "Stateless" },
            Services = services => services
                .AddSingleton<IConfigureOptions<McpServerOptions>>(builds)
                .Configure<HttpServerTransportOptions>(http => http.ConfigureSessionOptions = (_, options, _) =>
                {
                    // Changes this request's options in place: a shared copy would carry it into every later request.
                    Assert.Null(options.ServerInstructions);
                    options.ServerInstructions = "set for one request";
                    Interlocked.Increment(ref sessions);
                    return Task.CompletedTask;
                }),
        });
        var atStart = builds.Count;
        await using var client = await server.ConnectClientAsync();

        for (var i = 0; i < 3; i++)
        {
            var result = await client.CallAsync("echo", $$"""{"text":"call {{i}}"}""");
            Assert.Contains($"call {i}", result.SingleText());
        }

        Assert.True(sessions >= 3, $"ConfigureSessionOptions ran {sessions} times for 3 calls and the handshake.");
        // One build per session at least (the SDK's IOptions<McpServerOptions> may add one of its own).
        Assert.True(builds.Count >= atStart + sessions, $"{builds.Count} builds for {sessions} sessions after {atStart} at start.");
    }

    private sealed class BuildCounter : IConfigureOptions<McpServerOptions>
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Configure(McpServerOptions options) => Interlocked.Increment(ref _count);
    }
}
