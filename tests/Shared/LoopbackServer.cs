using System.Net;
using System.Net.Sockets;

namespace McpPlatform.Testing;

/// <summary>Starting servers as child processes on 127.0.0.1 and knowing when they are ready.</summary>
internal static class LoopbackServer
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>A port that was free a moment ago (Kestrel may still lose a race for it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls <paramref name="health"/> until it answers 2xx; null when healthy, otherwise why not.</summary>
    public static async Task<string?> WaitUntilHealthyAsync(ChildProcess process, Uri health, TimeSpan timeout)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = ProbeTimeout };
        var deadline = DateTime.UtcNow + timeout;
        var lastProblem = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                return $"the process exited with code {process.ExitCode} before {health} answered";
            }

            try
            {
                using var response = await http.GetAsync(health);
                if (response.IsSuccessStatusCode)
                {
                    return null;
                }

                lastProblem = $"{health} answered {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                lastProblem = ex.Message;
            }

            await Task.Delay(ProbeInterval);
        }

        return $"{health} did not answer 2xx within {timeout.TotalSeconds:0} s ({lastProblem})";
    }
}
