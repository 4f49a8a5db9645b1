using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Health;
using McpPlatform.Portal.Upstreams;
using static McpPlatform.Portal.Tests.Upstreams.StdioUpstreamTests;
using static McpPlatform.Portal.Tests.Upstreams.UpstreamTestKit;

namespace McpPlatform.Portal.Tests.Upstreams;

/// <summary>Remote upstreams over Streamable HTTP: the published everything server, and one that is not there.</summary>
public sealed class HttpUpstreamTests
{
    [Fact]
    public async Task Everything_server_over_streamable_http_lists_its_tools_and_answers_calls()
    {
        using var server = await StartEverythingAsync();
        await using var everything = await ConnectedAsync("everything", new UpstreamOptions { Url = server.Url });

        var tools = await everything.ListToolsAsync(CancellationToken.None);
        Assert.Contains(tools, tool => tool.Name == "echo");
        Assert.Contains(tools, tool => tool.Name == "get-sum");

        var echoed = await everything.CallToolAsync("echo", Arguments(("message", "through the portal")), null, null, CancellationToken.None);
        Assert.Contains("through the portal", Text(echoed));
        var sum = await everything.CallToolAsync("get-sum", Arguments(("a", 2), ("b", 3)), null, null, CancellationToken.None);
        Assert.Contains("5", Text(sum));
    }

    [Fact]
    public async Task Restarted_server_is_reconnected()
    {
        var port = LoopbackServer.FreePort();
        await using var everything = await StartAsync("comeback", new UpstreamOptions
        {
            Url = new Uri($"http://127.0.0.1:{port}/mcp"),
            Timeout = TimeSpan.FromSeconds(5),
            RestartDelay = TimeSpan.FromMilliseconds(100),
            MaxRestartDelay = TimeSpan.FromMilliseconds(500),
        });

        using (await StartEverythingAsync(port))
        {
            await WaitUntilAsync(() => everything.Client is not null, "connected to the first server", () => everything.Health.ToString());
        }

        // The server is gone: a call fails naming the upstream, and the portal reconnects once it is back.
        var failure = await Assert.ThrowsAsync<UpstreamException>(() => everything.CallToolAsync("echo", Arguments(("message", "x")), null, null, CancellationToken.None).AsTask());
        Assert.Equal("comeback", failure.Upstream);
        using var second = await StartEverythingAsync(port);
        await WaitUntilAsync(() => TryEchoAsync(everything), "calls work against the restarted server", () => everything.Health.ToString());
    }

    [Fact]
    public async Task Session_lost_to_a_server_restart_between_calls_is_replaced()
    {
        var port = LoopbackServer.FreePort();
        await using var everything = await StartAsync("amnesiac", new UpstreamOptions
        {
            Url = new Uri($"http://127.0.0.1:{port}/mcp"),
            Timeout = TimeSpan.FromSeconds(5),
            RestartDelay = TimeSpan.FromMilliseconds(100),
            MaxRestartDelay = TimeSpan.FromMilliseconds(500),
        });

        using (await StartEverythingAsync(port))
        {
            await WaitUntilAsync(() => everything.Client is not null, "connected to the first server", () => everything.Health.ToString());
        }

        // Back before the portal made a call: its session id means nothing to the new server.
        using var second = await StartEverythingAsync(port);
        await WaitUntilAsync(() => TryEchoAsync(everything), "calls work in a new session", () => $"{everything.Health}, last failure: {LastFailure}");
    }

    [Fact]
    public async Task Unreachable_upstream_does_not_block_start_and_reports_down_naming_itself()
    {
        var port = LoopbackServer.FreePort();
        var clock = Stopwatch.StartNew();
        await using var nowhere = await StartAsync("nowhere", new UpstreamOptions
        {
            Url = new Uri($"http://127.0.0.1:{port}/mcp"),
            ConnectTimeout = TimeSpan.FromSeconds(2),
        });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"StartAsync returned after {clock.Elapsed}");

        await WaitUntilAsync(() => nowhere.Health.State == UpstreamStates.Down, "the upstream is down", () => nowhere.Health.ToString());
        Assert.Contains("retrying in", nowhere.Health.Detail);
        var failure = await Assert.ThrowsAsync<UpstreamException>(() => nowhere.ListToolsAsync(CancellationToken.None).AsTask());
        Assert.Contains("Upstream 'nowhere' is not connected", failure.Message);
    }

    private static string? LastFailure { get; set; }

    private static async Task<bool> TryEchoAsync(UpstreamConnection upstream)
    {
        try
        {
            var echoed = await upstream.CallToolAsync("echo", Arguments(("message", "back")), null, null, CancellationToken.None);
            return Text(echoed).Contains("back", StringComparison.Ordinal);
        }
        catch (UpstreamException failure)
        {
            LastFailure = failure.Message + " <- " + failure.InnerException?.GetType().Name + ": " + failure.InnerException?.Message;
            return false;
        }
    }

    private static async Task<RunningEverything> StartEverythingAsync(int? port = null)
    {
        port ??= LoopbackServer.FreePort();
        var process = ChildProcess.Start(Node, [EverythingServer, "streamableHttp"], RepositoryLayout.NodeFolder, new Dictionary<string, string?> { ["PORT"] = port.ToString() });
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port.Value);
                return new RunningEverything(process, new Uri($"http://127.0.0.1:{port}/mcp"));
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException)
            {
                process.Dispose();
                throw new InvalidOperationException($"server-everything did not listen on {port}: {process.OutputTail()}");
            }
        }
    }

    private sealed class RunningEverything(ChildProcess process, Uri url) : IDisposable
    {
        public Uri Url { get; } = url;

        public void Dispose() => process.Dispose();
    }
}
