using System.Diagnostics;
using McpPlatform.Portal.Health;
using McpPlatform.Portal.Upstreams;
using static McpPlatform.Portal.Tests.Upstreams.StdioUpstreamTests;
using static McpPlatform.Portal.Tests.Upstreams.UpstreamTestKit;

namespace McpPlatform.Portal.Tests.Upstreams;

/// <summary>An upstream that hangs, fails, floods or answers too much never hangs or floods the portal.</summary>
public sealed class UpstreamFailureTests
{
    [Fact]
    public async Task Hung_tool_gives_a_timeout_error_naming_the_upstream_within_the_timeout()
    {
        await using var upstream = await ConnectedAsync("sleepy", TestUpstreamOptions(options => options.Timeout = TimeSpan.FromMilliseconds(500)));

        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<UpstreamException>(() => upstream.CallToolAsync("hang", null, null, null, CancellationToken.None).AsTask());

        Assert.Equal("sleepy", failure.Upstream);
        Assert.Contains("Upstream 'sleepy' did not answer tools/call 'hang' within 0.5 s", failure.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the timeout error came after {clock.Elapsed}");

        // The upstream is still usable for other calls.
        Assert.Equal("still here", Text(await upstream.CallToolAsync("echo", Arguments(("text", "still here")), null, null, CancellationToken.None)));
    }

    [Fact]
    public async Task Breaker_opens_after_consecutive_failures_refuses_fast_and_closes_after_a_good_trial()
    {
        await using var upstream = await ConnectedAsync("flaky", TestUpstreamOptions(options =>
        {
            options.Timeout = TimeSpan.FromMilliseconds(300);
            options.BreakAfterFailures = 2;
            options.BreakDuration = TimeSpan.FromSeconds(1);
        }));

        for (var i = 0; i < 2; i++)
        {
            var timedOut = await Assert.ThrowsAsync<UpstreamException>(() => upstream.CallToolAsync("hang", null, null, null, CancellationToken.None).AsTask());
            Assert.Contains("did not answer", timedOut.Message);
        }

        Assert.Equal(UpstreamStates.CircuitOpen, upstream.Health.State);
        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<UpstreamException>(() => upstream.CallToolAsync("echo", Arguments(("text", "x")), null, null, CancellationToken.None).AsTask());
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(250), $"an open circuit refuses without calling ({clock.Elapsed})");
        Assert.Contains("Upstream 'flaky' is failing: its circuit is open", refused.Message);

        // After the break one trial goes through; its success closes the circuit.
        await WaitUntilAsync(() => upstream.Health.State == UpstreamStates.Connected, "the break is over", () => upstream.Health.ToString());
        Assert.Equal("back", Text(await upstream.CallToolAsync("echo", Arguments(("text", "back")), null, null, CancellationToken.None)));
        Assert.Equal("again", Text(await upstream.CallToolAsync("echo", Arguments(("text", "again")), null, null, CancellationToken.None)));
    }

    [Fact]
    public async Task Failed_trial_opens_the_circuit_again()
    {
        await using var upstream = await ConnectedAsync("relapse", TestUpstreamOptions(options =>
        {
            options.Timeout = TimeSpan.FromMilliseconds(300);
            options.BreakAfterFailures = 1;
            options.BreakDuration = TimeSpan.FromMilliseconds(500);
        }));

        await Assert.ThrowsAsync<UpstreamException>(() => upstream.CallToolAsync("hang", null, null, null, CancellationToken.None).AsTask());
        await WaitUntilAsync(() => upstream.Health.State == UpstreamStates.Connected, "the break is over");
        await Assert.ThrowsAsync<UpstreamException>(() => upstream.CallToolAsync("hang", null, null, null, CancellationToken.None).AsTask());

        Assert.Equal(UpstreamStates.CircuitOpen, upstream.Health.State);
    }

    [Fact]
    public async Task Upstream_error_is_an_answer_naming_the_upstream_and_does_not_trip_the_breaker()
    {
        await using var upstream = await ConnectedAsync("grumpy", TestUpstreamOptions(options => options.BreakAfterFailures = 1));

        for (var i = 0; i < 3; i++)
        {
            var refused = await Assert.ThrowsAsync<UpstreamException>(() => upstream.CallToolAsync("fail", null, null, null, CancellationToken.None).AsTask());
            Assert.Contains("Upstream 'grumpy' refused tools/call 'fail'", refused.Message);
        }

        Assert.Equal(UpstreamStates.Connected, upstream.Health.State);
    }

    [Fact]
    public async Task Silent_process_is_down_after_the_connect_timeout()
    {
        await using var upstream = await StartAsync("mute", TestUpstreamOptions(options =>
        {
            options.Arguments = ["-e", "setInterval(() => {}, 1000)"]; // runs, never speaks MCP
            options.ConnectTimeout = TimeSpan.FromMilliseconds(500);
        }));

        await WaitUntilAsync(() => upstream.Health.State == UpstreamStates.Down, "the upstream is down", () => upstream.Health.ToString());
        Assert.Contains("no answer to initialize within 0.5 s (ConnectTimeout)", upstream.Health.Detail);
    }

    [Fact]
    public async Task Tool_list_is_refreshed_every_refresh_interval()
    {
        await using var upstream = await ConnectedAsync("ticking", TestUpstreamOptions(options => options.RefreshInterval = TimeSpan.FromMilliseconds(200)));
        var raised = 0;
        upstream.ToolsChanged += _ =>
        {
            Interlocked.Increment(ref raised);
            return Task.CompletedTask;
        };

        await WaitUntilAsync(() => Volatile.Read(ref raised) >= 2, "ToolsChanged is raised again and again without any change");
    }

    [Fact]
    public async Task Malformed_answer_is_an_error_naming_the_upstream()
    {
        await using var upstream = await ConnectedAsync("garbled", TestUpstreamOptions());

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => upstream.CallToolAsync("malformed", null, null, null, CancellationToken.None).AsTask());

        Assert.Equal("garbled", failure.Upstream);
        Assert.Contains("Upstream 'garbled' failed tools/call 'malformed': a malformed answer", failure.Message);
    }

    [Fact]
    public async Task Oversized_result_is_refused_naming_the_upstream_and_the_limit()
    {
        await using var upstream = await ConnectedAsync("chatty", TestUpstreamOptions(options => options.MaxResultBytes = 10_000));

        var small = await upstream.CallToolAsync("big", Arguments(("bytes", 1_000)), null, null, CancellationToken.None);
        Assert.Equal(1_000, Text(small).Length);

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => upstream.CallToolAsync("big", Arguments(("bytes", 50_000)), null, null, CancellationToken.None).AsTask());
        Assert.Equal("chatty", failure.Upstream);
        Assert.Contains("more than its limit of 10000 (MaxResultBytes)", failure.Message);
    }

    [Fact]
    public async Task Huge_message_is_cut_off_while_read_and_the_upstream_restarted()
    {
        await using var upstream = await ConnectedAsync("firehose", TestUpstreamOptions(options => options.MaxResultBytes = 10_000));
        var first = upstream.ProcessId;

        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<UpstreamException>(() => upstream.CallToolAsync("big", Arguments(("bytes", 3_000_000)), null, null, CancellationToken.None).AsTask());

        Assert.Contains($"Upstream 'firehose' sent a message of more than {upstream.MessageLimit} bytes", failure.Message);
        Assert.True(clock.Elapsed < upstream.Options.Timeout, $"the cut-off came after {clock.Elapsed}, not at the read");
        await WaitUntilAsync(() => upstream.ProcessId is { } pid && pid != first, "a new process is connected", () => upstream.Health.ToString());
        Assert.Equal("fine", Text(await upstream.CallToolAsync("echo", Arguments(("text", "fine")), null, null, CancellationToken.None)));
    }

    [Fact]
    public async Task Flood_of_list_changed_is_coalesced_into_few_refreshes()
    {
        await using var upstream = await ConnectedAsync("noisy", TestUpstreamOptions());
        var window = UpstreamConnection.ToolsChangedWindow;
        var raised = new List<DateTime>();
        upstream.ToolsChanged += _ =>
        {
            lock (raised)
            {
                raised.Add(DateTime.UtcNow);
            }

            return Task.CompletedTask;
        };

        var flooded = Stopwatch.StartNew();
        Assert.Equal("sent 300", Text(await upstream.CallToolAsync("flood", Arguments(("count", 300)), null, null, CancellationToken.None)));
        await WaitUntilAsync(() => Count(raised) >= 1, "the list change is passed on");

        // Wait past the coalescing windows that the flood could have spanned, then count.
        var quietUntil = DateTime.UtcNow + window * 2.5;
        await WaitUntilAsync(() => DateTime.UtcNow > quietUntil, "the flood's windows are over", timeout: window * 4);
        var count = Count(raised);
        var windows = (int)Math.Ceiling(flooded.Elapsed / window) + 1;
        Assert.True(count <= Math.Min(windows, 4), $"300 list_changed gave {count} ToolsChanged in {flooded.Elapsed} (window {window})");
    }

    private static int Count(List<DateTime> raised)
    {
        lock (raised)
        {
            return raised.Count;
        }
    }
}
