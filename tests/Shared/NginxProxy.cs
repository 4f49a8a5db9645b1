using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace McpPlatform.Testing;

/// <summary>
/// A real nginx (Debian's package; eng/test.sh installs it) on a free loopback port, proxying round-robin to
/// <c>127.0.0.1:port</c> upstreams with the Host header kept, as an ingress in front of a fleet does.
/// </summary>
internal sealed class NginxProxy : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);
    private readonly ChildProcess _process;
    private readonly string _folder;

    private NginxProxy(ChildProcess process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Reserves the port first, so the fleet's resource URI can name it before the replicas start.</summary>
    public static int ReservePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="port">The proxy's loopback port.</param>
    /// <param name="upstreamPorts">The replicas' loopback ports, served round-robin.</param>
    /// <param name="keepAliveUpstreams">
    /// Keep idle connections to the replicas open. Off when a replica is killed mid-run: nginx may hand a new POST to an
    /// idle connection of a replica that is already gone before it has noticed the close, and a POST it has sent is never
    /// passed to the next replica, so a call that started after the death would fail. Without kept connections a dead
    /// replica refuses the connect, nothing has been sent, and nginx passes the call on.
    /// </param>
    public static async Task<NginxProxy> StartAsync(int port, IEnumerable<int> upstreamPorts, bool keepAliveUpstreams = true)
    {
        var executable = new[] { Environment.GetEnvironmentVariable("MCP_PLATFORM_NGINX"), "/usr/sbin/nginx", "/usr/bin/nginx" }
            .FirstOrDefault(candidate => !string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            ?? throw new InvalidOperationException("nginx is not installed: the fleet tests need a real reverse proxy. Install it with `sudo apt-get install nginx` (eng/test.sh does), or point MCP_PLATFORM_NGINX at the executable.");
        var folder = Directory.CreateTempSubdirectory("mcp-fleet-nginx-").FullName;
        var servers = string.Concat(upstreamPorts.Select(p => string.Create(CultureInfo.InvariantCulture, $"    server 127.0.0.1:{p};\n")));
        var keepAlive = keepAliveUpstreams ? "    keepalive 8;\n" : string.Empty;
        var user = Environment.UserName == "root" ? "user root;\n" : string.Empty; // workers may write the temp folders below
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            {{user}}worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
              access_log {{folder}}/access.log;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              upstream replicas {
            {{servers}}{{keepAlive}}
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://replicas;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $http_host;
                  proxy_buffering off;
                  proxy_read_timeout 60s;
                }
              }
            }
            """);
        var process = ChildProcess.Start(executable, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log")], folder);
        var deadline = DateTime.UtcNow + StartDeadline;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var log = File.Exists(Path.Combine(folder, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "error.log")) : string.Empty;
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}:\n{process.OutputTail()}\n{log}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new NginxProxy(process, folder, port);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Dispose();
        throw new TimeoutException($"nginx did not listen on {port} within {StartDeadline}");
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a worker still holding a log file: the temp folder is left behind
        }

        return ValueTask.CompletedTask;
    }
}
