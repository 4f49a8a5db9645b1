using System.Net;
using System.Net.Sockets;

namespace McpPlatform.Testing;

/// <summary>
/// A real redis-server (Debian's package; eng/test.sh installs it) on a free loopback port, with no persistence, for the
/// fleet tests. <see cref="StopAsync"/> and <see cref="StartAgainAsync"/> take it down and bring it back on the same port,
/// as an outage does.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);
    private ChildProcess? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts redis-server on <see cref="Port"/> and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        var executable = Executable();
        _process = ChildProcess.Start(
            executable,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
            Path.GetTempPath());
        var deadline = DateTime.UtcNow + StartDeadline;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}:\n{_process.OutputTail()}");
            }

            if (_process.Output.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server did not start within {StartDeadline}:\n{_process.OutputTail()}");
    }

    /// <summary>Kills redis-server (an outage).</summary>
    public Task StopAsync()
    {
        _process?.Dispose();
        _process = null;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Executable()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("MCP_PLATFORM_REDIS_SERVER"), "/usr/bin/redis-server", "/usr/local/bin/redis-server" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "redis-server is not installed: the fleet tests need a real Redis. Install it with `sudo apt-get install redis-server` " +
            "(eng/test.sh does), or point MCP_PLATFORM_REDIS_SERVER at the executable.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
