using System.Globalization;
using System.Reflection;

namespace McpPlatform.Hosting.Tests.Fleet;

/// <summary>
/// One replica of a fleet as its own process: McpPlatform.Fixtures.FleetReplica run by the dotnet host on a free
/// loopback port, configured through environment variables, ready once <c>/healthz/ready</c> answers. It can be
/// killed with SIGKILL (<see cref="Kill"/>) or stopped with SIGTERM, as an orchestrator would (<see cref="StopAsync"/>).
/// </summary>
internal sealed class ReplicaProcess : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly ChildProcess _process;

    private ReplicaProcess(ChildProcess process, string replicaId, int port)
    {
        _process = process;
        ReplicaId = replicaId;
        Port = port;
    }

    public string ReplicaId { get; }

    public int Port { get; }

    /// <summary>The process id, for a client that kills it itself.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string OutputTail() => _process.OutputTail();

    /// <summary>Starts the replica with <paramref name="settings"/> (configuration keys, <c>:</c> separated).</summary>
    public static async Task<ReplicaProcess> StartAsync(string replicaId, IReadOnlyDictionary<string, string?> settings)
    {
        var assembly = FixtureAssembly();
        var failures = new List<string>();
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            // A free port can be taken between choosing it and Kestrel binding it; try another then.
            var port = LoopbackServer.FreePort();
            var environment = new Dictionary<string, string?>
            {
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
                ["McpPlatform__Audit__ReplicaId"] = replicaId,
            };
            foreach (var (key, value) in settings)
            {
                environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            var process = ChildProcess.Start(DotnetHost(), [assembly], Path.GetDirectoryName(assembly)!, environment);
            var failure = await LoopbackServer.WaitUntilHealthyAsync(
                process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/healthz/ready")), StartTimeout);
            if (failure is null)
            {
                return new ReplicaProcess(process, replicaId, port);
            }

            failures.Add($"Attempt {attempt}: {failure}\n{process.OutputTail()}");
            process.Dispose();
        }

        throw new InvalidOperationException($"Replica {replicaId} did not start.\n" + string.Join("\n\n", failures));
    }

    /// <summary>SIGKILL: the process ends at once, nothing flushed.</summary>
    public void Kill() => _process.Dispose();

    /// <summary>SIGTERM, as an orchestrator stops a pod: the host drains, writes the audit queue and a final checkpoint.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        (await ChildProcess.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)], AppContext.BaseDirectory, null, StopTimeout))
            .EnsureSuccess();
        Assert.True(await _process.WaitForExitAsync(StopTimeout), $"replica {ReplicaId} did not stop on SIGTERM:\n{_process.OutputTail()}");
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The fixture's build output, recorded at build time (no guessing at bin/ layouts).</summary>
    private static string FixtureAssembly()
    {
        var path = typeof(ReplicaProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "FleetReplicaPath")?.Value;
        return !string.IsNullOrEmpty(path) && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The fleet replica fixture was not built ({path}); build tests/McpPlatform.Hosting.Tests.");
    }

    /// <summary>The dotnet host running these tests, so the replica runs on the same runtime.</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
