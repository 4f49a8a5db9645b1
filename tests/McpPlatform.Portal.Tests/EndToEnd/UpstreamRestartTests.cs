using McpPlatform.Portal.Tests.EndToEnd.Portal;
using McpPlatform.Portal.Tests.EndToEnd.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace McpPlatform.Portal.Tests.EndToEnd;

/// <summary>
/// A local upstream (server-memory over stdio) killed with SIGKILL while the portal runs: calls fail at once with an
/// error naming the upstream, never hang, and the portal keeps serving; it restarts the process and calls work again.
/// </summary>
public sealed class UpstreamRestartTests : IAsyncLifetime
{
    private const string MemoryFileVariable = "MEMORY_FILE_PATH";
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    private readonly TemporaryFolder _folder = new();
    private PortalHost? _portal;

    private PortalHost Portal => _portal!;

    private string MemoryFile => _folder.Combine("memory.jsonl");

    public async Task InitializeAsync()
    {
        var settings = new PortalSettings()
            .StdioUpstream("memory", NodePeers.Node, [NodePeers.MemoryServer], new Dictionary<string, string> { [MemoryFileVariable] = MemoryFile })
            .Upstream("memory", "RestartDelay", "00:00:00.200")
            .Rule("readers", ["employees"], ["*"], ["Read"]);
        _portal = await PortalHost.StartApprovedAsync(settings, ["memory_read_graph"]);
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task A_killed_stdio_upstream_fails_calls_naming_it_then_works_again_after_its_restart()
    {
        await using var client = await PortalHost.ConnectAsync(Portal.McpUri, Portal.MintToken("rita", ["employees"], ["mcp:read"]));
        Assert.NotEqual(true, (await client.CallToolAsync("memory_read_graph")).IsError);
        var original = await LaunchedProcess.WaitForAsync(MemoryFileVariable, MemoryFile);

        LaunchedProcess.Kill(original);

        // The next call fails fast with the upstream's name (or, if the portal already restarted it, succeeds):
        // either way it answers, and the portal's own endpoint stays up.
        var (failed, message) = await CallAsync(client);
        if (failed)
        {
            Assert.Contains("memory", message, StringComparison.Ordinal);
        }

        var restarted = await LaunchedProcess.WaitForAsync(MemoryFileVariable, MemoryFile, except: original);
        Assert.NotEqual(original, restarted);
        await WaitUntilCallSucceedsAsync(client);

        using var http = new HttpClient();
        Assert.True((await http.GetAsync(new Uri(Portal.BaseUri, "/healthz/live"))).IsSuccessStatusCode);
    }

    [Fact]
    public async Task While_the_upstream_is_down_a_call_fails_with_an_error_naming_it_and_never_hangs()
    {
        await using var client = await PortalHost.ConnectAsync(Portal.McpUri, Portal.MintToken("rita", ["employees"], ["mcp:read"]));
        Assert.NotEqual(true, (await client.CallToolAsync("memory_read_graph")).IsError);

        // Kill it over and over (bounded) until one call lands while it is down: the restart is quick, so a single
        // kill may be repaired before the call arrives.
        string? failure = null;
        for (var attempt = 0; attempt < 20 && failure is null; attempt++)
        {
            var pid = await LaunchedProcess.WaitForAsync(MemoryFileVariable, MemoryFile);
            LaunchedProcess.Kill(pid);
            var (failed, message) = await CallAsync(client);
            failure = failed ? message : null;
        }

        Assert.NotNull(failure);
        Assert.Contains("memory", failure, StringComparison.Ordinal);
        await WaitUntilCallSucceedsAsync(client);
    }

    private static async Task<(bool Failed, string Message)> CallAsync(McpClient client)
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            var result = await client.CallToolAsync("memory_read_graph", cancellationToken: bounded.Token);
            var text = string.Join("\n", result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(t => t.Text));
            return (result.IsError == true, text);
        }
        catch (McpException ex)
        {
            return (true, ex.Message);
        }
        catch (OperationCanceledException) when (bounded.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException("A call to the crashed upstream hung for 20 s instead of failing with a clear error.");
        }
    }

    private static async Task WaitUntilCallSucceedsAsync(McpClient client)
    {
        var deadline = DateTime.UtcNow + RecoveryTimeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var (failed, message) = await CallAsync(client);
            if (!failed)
            {
                return;
            }

            last = message;
            await Task.Delay(100);
        }

        throw new TimeoutException($"memory_read_graph did not work again within {RecoveryTimeout.TotalSeconds:0} s after the restart; last error: {last}");
    }
}
