using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Tests.Relay;

/// <summary>The relay as <c>AddMcpPortal</c> wires it, with the portal's own upstream tools (<see cref="PortalRelayFixture"/>).</summary>
public sealed class PortalRelayTests(PortalRelayFixture fixture) : IClassFixture<PortalRelayFixture>
{
    [Fact]
    public async Task The_portal_relays_resources_prompts_and_completions()
    {
        await using var client = await fixture.ConnectAsync();

        Assert.Contains(await client.ListResourcesAsync(), r => r.Uri == "everything+demo://resource/static/document/architecture.md");
        var read = await client.ReadResourceAsync("everything+demo://resource/dynamic/text/5");
        Assert.StartsWith("Resource 5:", Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text, StringComparison.Ordinal);

        var prompt = await client.GetPromptAsync("everything_args-prompt", new Dictionary<string, object?> { ["city"] = "Oslo" });
        Assert.Equal("What's weather in Oslo?", Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text);

        var completion = await client.CompleteAsync(new PromptReference { Name = "everything_completable-prompt" }, "department", "Sa");
        Assert.Equal(["Sales"], completion.Completion.Values);
    }

    [Fact]
    public async Task The_portals_upstream_tools_relay_progress_and_elicitation()
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
                        Content = new Dictionary<string, JsonElement> { ["name"] = JsonSerializer.SerializeToElement("Grace Hopper") },
                    });
                },
            },
        };
        await using var client = await fixture.ConnectAsync(options);

        var elicited = await client.CallToolAsync(PortalRelayFixture.Elicit);
        Assert.Equal("[everything] Please provide inputs for the following fields:", asked);
        Assert.Contains("- Name: Grace Hopper", string.Join("\n", elicited.Content.OfType<TextContentBlock>().Select(t => t.Text)), StringComparison.Ordinal);

        var progress = new ConcurrentQueue<ProgressNotificationValue>();
        var result = await client.CallToolAsync(
            PortalRelayFixture.LongRunning, new Dictionary<string, object?> { ["duration"] = 2, ["steps"] = 2 }, new QueueProgress(progress));
        Assert.NotEqual(true, result.IsError);
        Assert.Contains(progress, p => p.Progress == 1 && p.Total == 2);
    }

    private sealed class QueueProgress(ConcurrentQueue<ProgressNotificationValue> queue) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => queue.Enqueue(value);
    }
}
