using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using McpPlatform.Portal.Upstreams;

#pragma warning disable MCP9005 // log messages are relayed for callers of protocol versions that still have them

namespace McpPlatform.Portal.Tests.Relay;

/// <summary>
/// Resources, templates, prompts, completions, progress, log messages and elicitation of the real server-everything,
/// through the portal, as the official C# client sees them. One class: the tests share one portal and upstream, and
/// log and elicitation relay needs a single caller with calls in flight.
/// </summary>
public sealed class RelayTests(RelayPortal portal) : IClassFixture<RelayPortal>
{
    private const string StaticDocument = "everything+demo://resource/static/document/architecture.md";

    [Fact]
    public async Task Lists_and_reads_namespaced_resources_and_templates()
    {
        await using var client = await portal.ConnectAsync();

        var resources = await client.ListResourcesAsync();
        Assert.Contains(resources, r => r.Uri == StaticDocument);
        Assert.Contains(resources, r => r.Uri == "slow+slow://fast");
        Assert.All(resources, r => Assert.True(r.Uri.StartsWith("everything+", StringComparison.Ordinal) || r.Uri.StartsWith("slow+", StringComparison.Ordinal), r.Uri));

        var read = await client.ReadResourceAsync(StaticDocument);
        var text = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        Assert.Equal(StaticDocument, text.Uri);
        Assert.False(string.IsNullOrWhiteSpace(text.Text));

        var templates = await client.ListResourceTemplatesAsync();
        Assert.Contains(templates, t => t.UriTemplate == "everything+demo://resource/dynamic/text/{resourceId}");

        var dynamic = await client.ReadResourceAsync("everything+demo://resource/dynamic/text/7");
        Assert.StartsWith("Resource 7:", Assert.IsType<TextResourceContents>(Assert.Single(dynamic.Contents)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relayed_read_is_audited_under_the_upstreams_identity()
    {
        await using var client = await portal.ConnectAsync();
        const string Uri = "everything+demo://resource/dynamic/text/31337";

        await client.ReadResourceAsync(Uri);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        JsonElement? record = null;
        while (record is null)
        {
            Assert.False(deadline.IsCancellationRequested, "no audit record of the read");
            record = portal.AuditRecords().Cast<JsonElement?>().FirstOrDefault(r =>
                r!.Value.TryGetProperty("Method", out var method) && method.GetString() == "resources/read"
                && r.Value.TryGetProperty("Arguments", out var arguments) && arguments.ToString().Contains("31337", StringComparison.Ordinal));
            await Task.Delay(50, CancellationToken.None);
        }

        Assert.Equal("resource:everything", record.Value.GetProperty("Tool").GetString());
        Assert.Equal("everything", record.Value.GetProperty("Upstream").GetString());
        Assert.Equal("allowed", record.Value.GetProperty("Decision").GetString());
        Assert.True(record.Value.GetProperty("UpstreamMs").GetInt64() >= 0);
    }

    [Fact]
    public async Task Data_rules_scoped_to_the_upstream_apply_to_what_is_asked_and_what_is_read()
    {
        await using var client = await portal.ConnectAsync();

        var read = await client.ReadResourceAsync("everything+demo://resource/dynamic/text/8");
        var text = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text;
        Assert.StartsWith("Resource 8: This is a [REDACTED:no-clear-text] resource", text, StringComparison.Ordinal);

        var blocked = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("everything+demo://resource/dynamic/text/secret-42").AsTask());
        Assert.Contains("Blocked by data-loss rule", blocked.Message, StringComparison.Ordinal);

        var prompt = await client.GetPromptAsync("everything_args-prompt", new Dictionary<string, object?> { ["city"] = "plaintext" });
        Assert.Equal("What's weather in [REDACTED:no-clear-text]?", Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text);
        await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync("everything_args-prompt", new Dictionary<string, object?> { ["city"] = "secret-7" }).AsTask());
    }

    [Fact]
    public async Task Gets_a_namespaced_prompt_with_its_arguments()
    {
        await using var client = await portal.ConnectAsync();

        var prompts = await client.ListPromptsAsync();
        Assert.Contains(prompts, p => p.Name == "everything_args-prompt");

        var prompt = await client.GetPromptAsync("everything_args-prompt", new Dictionary<string, object?> { ["city"] = "Lyon", ["state"] = "Rhône" });
        var message = Assert.Single(prompt.Messages);
        Assert.Equal("What's weather in Lyon, Rhône?", Assert.IsType<TextContentBlock>(message.Content).Text);
    }

    [Fact]
    public async Task Completes_a_prompt_argument_and_a_template_variable()
    {
        await using var client = await portal.ConnectAsync();

        var departments = await client.CompleteAsync(new PromptReference { Name = "everything_completable-prompt" }, "department", "Mar");
        Assert.Equal(["Marketing"], departments.Completion.Values);

        var ids = await client.CompleteAsync(new ResourceTemplateReference { Uri = "everything+demo://resource/dynamic/text/{resourceId}" }, "resourceId", "42");
        Assert.Equal(["42"], ids.Completion.Values);
    }

    [Fact]
    public async Task A_caller_without_read_access_sees_no_upstream_item_and_is_refused()
    {
        await using var client = await portal.ConnectAsync(null, RelayPortal.FinanceGroup);

        Assert.Empty(await client.ListResourcesAsync());
        Assert.Empty(await client.ListPromptsAsync());
        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync(StaticDocument).AsTask());
        Assert.Contains("Denied by policy", refused.Message, StringComparison.Ordinal);
        var completions = await client.CompleteAsync(new PromptReference { Name = "everything_completable-prompt" }, "department", "Mar");
        Assert.Empty(completions.Completion.Values);
    }

    [Fact]
    public async Task Upstream_errors_name_the_upstream()
    {
        await using var client = await portal.ConnectAsync();

        var unknown = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("everything+demo://resource/dynamic/text/not-a-number").AsTask());
        Assert.Contains("Upstream 'everything'", unknown.Message, StringComparison.Ordinal);

        var down = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("down+demo://anything").AsTask());
        Assert.Contains("Upstream 'down' is unavailable: cannot connect", down.Message, StringComparison.Ordinal);

        var prompt = await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync("down_anything").AsTask());
        Assert.Contains("Upstream 'down' is unavailable", prompt.Message, StringComparison.Ordinal);

        var subscribe = await Assert.ThrowsAsync<McpProtocolException>(() => client.SubscribeToResourceAsync(StaticDocument));
        Assert.Contains("Subscriptions to resources of upstream 'everything' are not relayed", subscribe.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_or_oversized_answer_gives_an_error_naming_the_upstream_and_never_holds_a_list()
    {
        await using var client = await portal.ConnectAsync();

        Assert.Equal("fast answer", Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync("slow+slow://fast")).Contents)).Text);

        var read = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("slow+slow://hang").AsTask());
        Assert.Contains("Upstream 'slow' did not answer resources/read within 2 s", read.Message, StringComparison.Ordinal);

        var prompt = await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync("slow_hang").AsTask());
        Assert.Contains("Upstream 'slow' did not answer prompts/get within 2 s", prompt.Message, StringComparison.Ordinal);

        var huge = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("slow+slow://huge").AsTask());
        Assert.Contains("Upstream 'slow' answered resources/read with ", huge.Message, StringComparison.Ordinal);
        Assert.Contains("more than its limit of 100000 (MaxResultBytes)", huge.Message, StringComparison.Ordinal);

        // Its templates list never answers: the others' templates still come, after its timeout.
        var templates = await client.ListResourceTemplatesAsync();
        Assert.NotEmpty(templates);
        Assert.DoesNotContain(templates, t => t.UriTemplate.StartsWith("slow+", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Relays_the_upstreams_progress_and_log_messages_to_the_caller()
    {
        var logs = new ConcurrentQueue<LoggingMessageNotificationParams>();
        var options = new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                NotificationHandlers =
                [
                    new(NotificationMethods.LoggingMessageNotification, (notification, _) =>
                    {
                        logs.Enqueue(JsonSerializer.Deserialize<LoggingMessageNotificationParams>(notification.Params, McpJsonUtilities.DefaultOptions)!);
                        return ValueTask.CompletedTask;
                    }),
                ],
            },
        };

        // The caller reads its messages in wire order (the portal's own in-order pump on the caller's side), so the
        // progress notices sent right before the result are seen before the call returns: no waiting, no timing.
        var notices = new InOrderNotifications();
        await using var client = await portal.ConnectAsync(options, inner => new InOrderClientTransport(inner, notices));
        var progress = new ConcurrentQueue<ProgressNotificationValue>();
        const string Token = "chatty-progress";
        using var tracked = notices.TrackProgress(Token, new SynchronousProgress(progress.Enqueue));

        // The slow upstream's chatty tool logs and reports steps 1 to 3 during the call itself, before its result.
        var result = await client.CallToolAsync(new CallToolRequestParams
        {
            Name = "slow_chatty",
            Meta = new System.Text.Json.Nodes.JsonObject { ["progressToken"] = Token },
        });
        Assert.Equal("chatty done", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);

        Assert.Equal([1, 2, 3], progress.Select(p => p.Progress));
        Assert.All(progress, p => Assert.Equal(3, p.Total));

        // The log handler is the SDK's (not tied to the call), which may run just after the call returns.
        await WaitUntil(() => !logs.IsEmpty, "a log message");

        // Attributed to the upstream: its namespace before the upstream's own logger name.
        Assert.All(logs, log => Assert.Equal(RelayPortal.Slow + "/chatty", log.Logger));
        Assert.Contains(logs, log => log.Data.ToString().Contains("chatty is working", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_progress_notice_reaches_the_caller_before_the_result()
    {
        // The caller's side sees its messages in wire order: the portal's own in-order pump, with a progress sink that
        // records synchronously as each notice is read, before the response after it is passed to the client.
        var notices = new InOrderNotifications();
        await using var client = await portal.ConnectAsync(null, inner => new InOrderClientTransport(inner, notices));
        const int Steps = 8;

        // Several times: the upstream sends its notices and the result back to back (no pause between steps), the case
        // where the SDK's parallel handlers let the result overtake the last notices.
        for (var round = 0; round < 5; round++)
        {
            var token = $"order-{round}";
            var received = new List<double>();
            using var tracked = notices.TrackProgress(token, new SynchronousProgress(value => { lock (received) { received.Add(value.Progress); } }));

            var result = await client.CallToolAsync(new CallToolRequestParams
            {
                Name = "everything_long_running",
                Arguments = new Dictionary<string, JsonElement>
                {
                    ["duration"] = JsonSerializer.SerializeToElement(0),
                    ["steps"] = JsonSerializer.SerializeToElement(Steps),
                },
                Meta = new System.Text.Json.Nodes.JsonObject { ["progressToken"] = token },
            });

            Assert.Contains("Long running operation completed", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
            lock (received)
            {
                Assert.Equal(Enumerable.Range(1, Steps).Select(step => (double)step), received); // all of them, in order, no waiting
            }
        }
    }

    [Fact]
    public async Task Relays_an_elicitation_request_and_the_callers_answer()
    {
        string? asked = null;
        var options = new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (request, _) =>
                {
                    asked = request?.Message;
                    return ValueTask.FromResult(new ElicitResult
                    {
                        Action = "accept",
                        Content = new Dictionary<string, JsonElement>
                        {
                            ["name"] = JsonSerializer.SerializeToElement("Ada Lovelace"),
                            ["check"] = JsonSerializer.SerializeToElement(true),
                        },
                    });
                },
            },
        };
        await using var client = await portal.ConnectAsync(options);

        var result = await client.CallToolAsync("everything_elicit");

        Assert.Equal("[everything] Please provide inputs for the following fields:", asked);
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        Assert.Contains("- Name: Ada Lovelace", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_elicitation_is_declined_when_two_callers_have_calls_in_flight_to_the_upstream()
    {
        // The upstream cannot say whose call asks; relaying to the wrong caller would leak, so nobody is asked.
        var asked = false;
        var options = new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (_, _) =>
                {
                    asked = true;
                    return ValueTask.FromResult(new ElicitResult { Action = "accept" });
                },
            },
        };
        await using var other = await portal.ConnectAsync();
        await using var client = await portal.ConnectAsync(options);
        var firstStep = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherCall = other.CallToolAsync(
            "everything_long_running", new Dictionary<string, object?> { ["duration"] = 6, ["steps"] = 6 }, new SynchronousProgress(_ => firstStep.TrySetResult())).AsTask();
        await firstStep.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the other caller's call is in flight now

        var result = await client.CallToolAsync("everything_elicit");

        Assert.False(asked);
        Assert.Contains("declined", string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text)), StringComparison.Ordinal);
        await otherCall.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    private sealed class SynchronousProgress(Action<ProgressNotificationValue> report) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => report(value);
    }
}
