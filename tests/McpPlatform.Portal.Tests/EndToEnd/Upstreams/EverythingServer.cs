using System.Net.Sockets;

namespace McpPlatform.Portal.Tests.EndToEnd.Upstreams;

/// <summary>
/// @modelcontextprotocol/server-everything, unmodified, in its Streamable HTTP mode as a real Node process on a free
/// loopback port. The package listens on every interface when given only PORT; loopback-only.mjs, preloaded with
/// <c>--import</c>, makes it bind 127.0.0.1 so the tests open nothing beyond loopback.
/// </summary>
internal sealed class EverythingServer : IDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);

    private readonly ChildProcess _process;

    private EverythingServer(ChildProcess process, Uri endpoint)
    {
        _process = process;
        McpEndpoint = endpoint;
    }

    /// <summary>http://127.0.0.1:port/mcp</summary>
    public Uri McpEndpoint { get; }

    /// <summary>What the server logged, for failure messages.</summary>
    public string OutputTail() => _process.OutputTail();

    public static async Task<EverythingServer> StartAsync()
    {
        var failures = new List<string>();

        // A free port can be taken between choosing it and the server binding it; try another then.
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var port = LoopbackServer.FreePort();
            var process = ChildProcess.Start(
                NodePeers.Node,
                ["--import", new Uri(NodePeers.Script("loopback-only.mjs")).AbsoluteUri, NodePeers.EverythingServer, "streamableHttp"],
                RepositoryLayout.NodeFolder,
                new Dictionary<string, string?> { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            var failure = await WaitUntilListeningAsync(process, port);
            if (failure is null)
            {
                return new EverythingServer(process, new Uri($"http://127.0.0.1:{port}/mcp"));
            }

            failures.Add($"Attempt {attempt}: {failure}\nCommand: {process.CommandLine}\nOutput:\n{process.OutputTail()}");
            process.Dispose();
        }

        throw new InvalidOperationException("server-everything did not start.\n" + string.Join("\n\n", failures));
    }

    public void Dispose() => _process.Dispose();

    private static async Task<string?> WaitUntilListeningAsync(ChildProcess process, int port)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                return $"the process exited with code {process.ExitCode}";
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return null;
            }
            catch (SocketException)
            {
                await Task.Delay(ProbeInterval);
            }
        }

        return $"nothing listened on 127.0.0.1:{port} within {StartTimeout.TotalSeconds:0} s";
    }
}
