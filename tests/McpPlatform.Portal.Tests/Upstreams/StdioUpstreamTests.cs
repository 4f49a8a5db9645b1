using System.Diagnostics;
using System.Text.Json;
using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Health;
using McpPlatform.Portal.Upstreams;
using static McpPlatform.Portal.Tests.Upstreams.UpstreamTestKit;

namespace McpPlatform.Portal.Tests.Upstreams;

/// <summary>Local upstreams the portal launches: the published memory server and the test upstream, over stdio.</summary>
public sealed class StdioUpstreamTests
{
    [Fact]
    public async Task Memory_server_lists_its_tools_and_answers_calls()
    {
        using var folder = new TemporaryFolder();
        await using var memory = await ConnectedAsync("memory", new UpstreamOptions
        {
            Command = Node,
            Arguments = [MemoryServer],
            Environment = { ["MEMORY_FILE_PATH"] = folder.Combine("memory.jsonl") },
        });

        var tools = await memory.ListToolsAsync(CancellationToken.None);
        Assert.Contains(tools, tool => tool.Name == "create_entities");
        Assert.Contains(tools, tool => tool.Name == "read_graph");

        var entities = JsonDocument.Parse("""[{ "name": "portal", "entityType": "project", "observations": ["fronts upstreams"] }]""").RootElement;
        await memory.CallToolAsync("create_entities", new Dictionary<string, JsonElement> { ["entities"] = entities }, null, null, CancellationToken.None);
        var graph = await memory.CallToolAsync("read_graph", null, null, null, CancellationToken.None);

        Assert.NotEqual(true, graph.IsError);
        Assert.Contains("fronts upstreams", Text(graph));
        Assert.Equal(UpstreamStates.Connected, memory.Health.State);
    }

    [Fact]
    public async Task Killed_process_is_restarted_and_calls_work_again()
    {
        await using var upstream = await ConnectedAsync("crashy", TestUpstreamOptions());
        var first = upstream.ProcessId!.Value;
        var toolsChanged = 0;
        upstream.ToolsChanged += _ =>
        {
            Interlocked.Increment(ref toolsChanged);
            return Task.CompletedTask;
        };

        Process.GetProcessById(first).Kill(); // SIGKILL on Unix: no chance to clean up

        await WaitUntilAsync(() => upstream.ProcessId is { } pid && pid != first, "a new process is connected", () => upstream.Health.ToString());
        var echoed = await upstream.CallToolAsync("echo", Arguments(("text", "again")), null, null, CancellationToken.None);
        Assert.Equal("again", Text(echoed));
        await WaitUntilAsync(() => Volatile.Read(ref toolsChanged) > 0, "the reconnect raises ToolsChanged");
        Assert.True(HasExited(first), $"the killed process {first} is gone");
    }

    [Fact]
    public async Task Command_that_keeps_failing_is_down_with_a_reason_and_retried_with_growing_delays()
    {
        await using var upstream = await StartAsync("broken", TestUpstreamOptions(options =>
        {
            options.Arguments = ["-e", "console.error('no config file'); process.exit(3)"];
            options.RestartDelay = TimeSpan.FromMilliseconds(50);
            options.MaxRestartDelay = TimeSpan.FromMilliseconds(400);
        }));

        await WaitUntilAsync(() => upstream.Health.Detail?.Contains("retrying in 0.4 s", StringComparison.Ordinal) == true,
            "the back-off has doubled up to MaxRestartDelay", () => upstream.Health.ToString());
        Assert.Equal(UpstreamStates.Down, upstream.Health.State);
        Assert.Contains("the process exited with code 3 (stderr: no config file)", upstream.Health.Detail);

        var refused = await Assert.ThrowsAsync<UpstreamException>(() => upstream.CallToolAsync("echo", null, null, null, CancellationToken.None).AsTask());
        Assert.Equal("broken", refused.Upstream);
        Assert.Contains("'broken' is not connected", refused.Message);
    }

    [Fact]
    public async Task Launched_process_gets_a_minimal_environment_with_secrets_from_the_store()
    {
        using var folder = new TemporaryFolder();
        var store = await SecretStoreAsync(folder, ("upstream-token", "s3cr3t-value-for-env"));
        Environment.SetEnvironmentVariable("PORTAL_TEST_PRIVATE_SETTING", "must-not-leak");
        await using var upstream = await ConnectedAsync("envcheck", TestUpstreamOptions(options =>
        {
            options.Environment["UPSTREAM_TOKEN"] = "secret:upstream-token";
            options.Environment["PLAIN"] = "plain-value";
        }), Services(store));

        var answer = await upstream.CallToolAsync("env", Arguments(("name", "UPSTREAM_TOKEN")), null, null, CancellationToken.None);
        var env = JsonDocument.Parse(Text(answer)).RootElement;
        var names = env.GetProperty("names").EnumerateArray().Select(name => name.GetString()).ToList();

        Assert.Equal("s3cr3t-value-for-env", env.GetProperty("value").GetString());
        Assert.Contains("PATH", names);
        Assert.Contains("PLAIN", names);
        Assert.DoesNotContain("PORTAL_TEST_PRIVATE_SETTING", names);
        Assert.All(names, name => Assert.DoesNotContain("DOTNET_", name!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_secret_keeps_the_upstream_down_naming_the_secret_but_no_value()
    {
        using var folder = new TemporaryFolder();
        var store = await SecretStoreAsync(folder, ("other", "unrelated-value"));
        await using var upstream = await StartAsync("needs-secret", TestUpstreamOptions(options => options.Environment["TOKEN"] = "secret:absent-token"), Services(store));

        await WaitUntilAsync(() => upstream.Health.State == UpstreamStates.Down, "the upstream is down", () => upstream.Health.ToString());
        Assert.Contains("'absent-token' does not exist", upstream.Health.Detail);
    }

    [Fact]
    public async Task Secret_printed_by_a_crashing_process_is_redacted_in_its_health()
    {
        using var folder = new TemporaryFolder();
        var store = await SecretStoreAsync(folder, ("leaky-token", "leaky-secret-value-123"));
        await using var upstream = await StartAsync("leaky", TestUpstreamOptions(options =>
        {
            options.Arguments = ["-e", "console.error('bad token ' + process.env.TOKEN); process.exit(1)"];
            options.Environment["TOKEN"] = "secret:leaky-token";
        }), Services(store));

        await WaitUntilAsync(() => upstream.Health.Detail?.Contains("bad token", StringComparison.Ordinal) == true, "the crash is reported", () => upstream.Health.ToString());
        Assert.Contains("the process exited with code 1 (stderr: bad token ***)", upstream.Health.Detail);
        Assert.DoesNotContain("leaky-secret-value-123", upstream.Health.Detail);
    }

    [Fact]
    public async Task Disposing_the_connection_stops_its_process()
    {
        var upstream = await ConnectedAsync("stopper", TestUpstreamOptions());
        var pid = upstream.ProcessId!.Value;

        await upstream.DisposeAsync();

        Assert.True(HasExited(pid), $"process {pid} was stopped with the connection");
        Assert.Equal(UpstreamStates.Stopped, upstream.Health.State);
        Assert.Null(upstream.Client);
    }

    internal static Dictionary<string, JsonElement> Arguments(params (string Name, object Value)[] values) =>
        values.ToDictionary(value => value.Name, value => JsonSerializer.SerializeToElement(value.Value));

    private static bool HasExited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException)
        {
            return true; // no such process any more
        }
    }
}
