using System.Diagnostics;

namespace McpPlatform.Portal.Tests.EndToEnd.Upstreams;

/// <summary>
/// Finds a process the portal launched (a stdio upstream) by an environment variable only it was given, so a test can
/// kill it the way a crash would. Reads /proc, so Linux only; the tests that crash upstreams run on Linux CI.
/// </summary>
internal static class LaunchedProcess
{
    private static readonly TimeSpan FindTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The ids of live processes whose environment holds <paramref name="name"/>=<paramref name="value"/>.</summary>
    public static IReadOnlyList<int> WithEnvironment(string name, string value)
    {
        var entry = $"{name}={value}";
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                var environment = File.ReadAllText(Path.Combine(folder, "environ")).Split('\0');
                if (environment.Contains(entry, StringComparer.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours.
            }
        }

        return found;
    }

    /// <summary>Waits (bounded) until exactly one such process runs, other than <paramref name="except"/>, and returns its id.</summary>
    public static async Task<int> WaitForAsync(string name, string value, int? except = null)
    {
        var deadline = DateTime.UtcNow + FindTimeout;
        IReadOnlyList<int> found = [];
        while (DateTime.UtcNow < deadline)
        {
            found = WithEnvironment(name, value).Where(pid => pid != except).ToList();
            if (found.Count == 1)
            {
                return found[0];
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"Expected one process with {name}={value} (other than {except?.ToString() ?? "none"}) within {FindTimeout.TotalSeconds:0} s; found {found.Count}.");
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would end it: no chance to clean up.</summary>
    public static void Kill(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: false);
        process.WaitForExit(TimeSpan.FromSeconds(10));
    }
}
