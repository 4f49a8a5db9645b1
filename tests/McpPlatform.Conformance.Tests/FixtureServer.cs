using McpPlatform.Testing;

namespace McpPlatform.Conformance.Tests;

/// <summary>
/// McpPlatform.Conformance.Fixture running as a real process on a free loopback port, shared
/// by the tests of one class. Ready once GET /healthz answers; killed on dispose.
/// </summary>
public sealed class FixtureServer : IAsyncLifetime, IDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private ChildProcess? _process;

    /// <summary>The Streamable HTTP endpoint, e.g. http://127.0.0.1:5123/mcp.</summary>
    public Uri McpEndpoint { get; private set; } = null!;

    /// <summary>What the server has logged so far, for failure messages.</summary>
    public string OutputTail(int maxChars = 8_000) => _process?.OutputTail(maxChars) ?? "(the fixture was not started)";

    public async Task InitializeAsync()
    {
        var assembly = ConformancePaths.FixtureAssembly();
        var failures = new List<string>();

        // A free port can be taken between choosing it and Kestrel binding it; try another then.
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var baseAddress = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}");
            var process = ChildProcess.Start(
                DotnetHost(),
                [assembly, "--urls", baseAddress.ToString().TrimEnd('/')],
                Path.GetDirectoryName(assembly)!,
                new Dictionary<string, string?>
                {
                    // The suite's server scenarios send no token: authentication (and with it policy)
                    // is switched off, which the server only allows in Development.
                    ["DOTNET_ENVIRONMENT"] = "Development",
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["McpPlatform__Authentication__Enabled"] = "false",
                });
            var failure = await LoopbackServer.WaitUntilHealthyAsync(process, new Uri(baseAddress, "/healthz"), StartTimeout);
            if (failure is null)
            {
                _process = process;
                McpEndpoint = new Uri(baseAddress, "/mcp");
                return;
            }

            failures.Add($"Attempt {attempt}: {failure}\nCommand: {process.CommandLine}\nOutput:\n{process.OutputTail()}");
            process.Dispose();
        }

        throw new InvalidOperationException("The conformance fixture did not start.\n" + string.Join("\n\n", failures));
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <summary>The dotnet host running these tests, so the fixture runs on the same runtime.</summary>
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
