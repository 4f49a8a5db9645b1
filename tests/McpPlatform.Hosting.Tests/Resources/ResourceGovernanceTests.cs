using McpPlatform.Governance.Resources;
using McpPlatform.Hosting.Resources;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.Resources;

/// <summary>
/// Resources, prompts and completions behind the platform's governance, over real HTTP with the
/// official client: policy (Read, restricted by a profile), data-loss rules on contents, the audit
/// record naming the resource or prompt, per-caller lists, and update notifications to subscribers.
/// </summary>
public sealed class ResourceGovernanceTests : IDisposable
{
    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task Reader_lists_and_reads_resources_and_gets_prompts()
    {
        await using var server = await StartAsync();
        await using var client = await server.ConnectClientAsync(GovernedPolicy.Reader);

        var resources = await client.ListResourcesAsync();
        var templates = await client.ListResourceTemplatesAsync();
        var prompts = await client.ListPromptsAsync();
        var board = await client.ReadResourceAsync(NoteBoard.NoteUri);
        var byId = await client.ReadResourceAsync("notes://by-id/42");

        Assert.Equal([NoteBoard.NoteUri, NoteBoard.ContactsUri], resources.Select(r => r.Uri).Order(StringComparer.Ordinal));
        Assert.Equal("notes://by-id/{id}", Assert.Single(templates).UriTemplate);
        Assert.Equal(NoteBoard.PromptName, Assert.Single(prompts).Name);
        Assert.Equal("first note", Assert.IsType<TextResourceContents>(Assert.Single(board.Contents)).Text);
        Assert.Equal("note 42", Assert.IsType<TextResourceContents>(Assert.Single(byId.Contents)).Text);
    }

    [Fact]
    public async Task Caller_in_a_profile_without_a_grant_sees_no_resources_or_prompts_and_is_denied_reading_them()
    {
        await using var server = await StartAsync();
        await using var client = await server.ConnectClientAsync(GovernedPolicy.Auditor);

        Assert.Empty(await client.ListResourcesAsync());
        Assert.Empty(await client.ListResourceTemplatesAsync());
        Assert.Empty(await client.ListPromptsAsync());
        var read = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync(NoteBoard.NoteUri).AsTask());
        var get = await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync(
            NoteBoard.PromptName, new Dictionary<string, object?> { ["style"] = "brief" }).AsTask());
        var completion = await client.CompleteAsync(new PromptReference { Name = NoteBoard.PromptName }, "style", "b");

        Assert.Contains("Denied by policy: profile:" + GovernedPolicy.AuditorsProfile, read.Message);
        Assert.Contains("resource:board", read.Message);
        Assert.Contains("Denied by policy: profile:" + GovernedPolicy.AuditorsProfile, get.Message);
        Assert.Empty(completion.Completion.Values);
    }

    [Fact]
    public async Task Rules_grant_single_resources_and_prompts_by_name_and_all_of_them_by_tool_set()
    {
        await using var server = await StartAsync(extra: new Dictionary<string, string?>
        {
            ["McpPlatform:Policy:Rules:3:Name"] = "auditors-board",
            ["McpPlatform:Policy:Rules:3:Groups:0"] = GovernedPolicy.AuditorsGroup,
            ["McpPlatform:Policy:Rules:3:Tools:0"] = "resource:board",
            ["McpPlatform:Policy:Rules:3:Access:0"] = "Read",
            ["McpPlatform:Policy:Rules:4:Name"] = "auditors-prompts",
            ["McpPlatform:Policy:Rules:4:Groups:0"] = GovernedPolicy.AuditorsGroup,
            ["McpPlatform:Policy:Rules:4:Tools:0"] = "prompts/*",
            ["McpPlatform:Policy:Rules:4:Access:0"] = "Read",
        });
        await using var client = await server.ConnectClientAsync(GovernedPolicy.Auditor);

        Assert.Equal([NoteBoard.NoteUri], (await client.ListResourcesAsync()).Select(r => r.Uri));
        Assert.Empty(await client.ListResourceTemplatesAsync());
        Assert.Equal([NoteBoard.PromptName], (await client.ListPromptsAsync()).Select(p => p.Name));
        Assert.Single((await client.ReadResourceAsync(NoteBoard.NoteUri)).Contents);
        Assert.Single((await client.GetPromptAsync(NoteBoard.PromptName, new Dictionary<string, object?> { ["style"] = "brief" })).Messages);
        await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync(NoteBoard.ContactsUri).AsTask());
    }

    [Fact]
    public async Task Data_loss_rules_redact_resource_contents_and_prompt_messages()
    {
        await using var server = await StartAsync();
        await using var client = await server.ConnectClientAsync(GovernedPolicy.Reader);

        var contacts = await client.ReadResourceAsync(NoteBoard.ContactsUri);
        var prompt = await client.GetPromptAsync(NoteBoard.PromptName, new Dictionary<string, object?> { ["style"] = "brief" });

        var text = Assert.IsType<TextResourceContents>(Assert.Single(contacts.Contents)).Text;
        Assert.DoesNotContain(NoteBoard.Email, text);
        Assert.Contains("[REDACTED:email]", text);
        Assert.Equal(NoteBoard.ContactsUri, contacts.Contents[0].Uri);
        var message = Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text;
        Assert.Equal("Summarize brief; questions to [REDACTED:email].", message);
    }

    [Fact]
    public async Task Completions_answer_prompt_arguments_and_template_variables()
    {
        await using var server = await StartAsync();
        await using var client = await server.ConnectClientAsync(GovernedPolicy.Reader);

        var styles = await client.CompleteAsync(new PromptReference { Name = NoteBoard.PromptName }, "style", "b");
        var ids = await client.CompleteAsync(new ResourceTemplateReference { Uri = "notes://by-id/{id}" }, "id", "");
        var unknown = await client.CompleteAsync(new PromptReference { Name = "no_such_prompt" }, "style", "b");

        Assert.Equal(["brief", "bulleted"], styles.Completion.Values);
        Assert.Equal(["1", "2"], ids.Completion.Values);
        Assert.Empty(unknown.Completion.Values);
    }

    [Fact]
    public async Task Audit_records_name_the_resource_or_prompt_with_the_decision()
    {
        await using (var server = await StartAsync())
        {
            await using var reader = await server.ConnectClientAsync(GovernedPolicy.Reader);
            await reader.ReadResourceAsync("notes://by-id/7");
            await reader.GetPromptAsync(NoteBoard.PromptName, new Dictionary<string, object?> { ["style"] = "brief" });
            await using var auditor = await server.ConnectClientAsync(GovernedPolicy.Auditor);
            await Assert.ThrowsAsync<McpProtocolException>(() => auditor.ReadResourceAsync(NoteBoard.ContactsUri).AsTask());
        }

        var trail = _audit.Read();
        var reads = trail.Requests.Where(r => r.Method == "resources/read").ToList();
        var allowed = Assert.Single(reads, r => r.Tool == "resource:note_by_id");
        Assert.Equal("allowed", allowed.String("Decision"));
        Assert.Equal("ok", allowed.Outcome);
        Assert.Contains("\"id\"", allowed.String("Arguments") ?? "");
        var denied = Assert.Single(reads, r => r.Tool == "resource:contacts");
        Assert.Equal("denied", denied.String("Decision"));
        Assert.Equal("profile:" + GovernedPolicy.AuditorsProfile, denied.String("Rule"));
        var got = Assert.Single(trail.Requests, r => r.Method == "prompts/get");
        Assert.Equal("prompt:" + NoteBoard.PromptName, got.Tool);
        Assert.Equal("allowed", got.String("Decision"));
    }

    [Fact]
    public async Task Subscriber_is_notified_over_http_when_the_server_changes_the_resource()
    {
        await using var server = await StartAsync(stateful: true);
        await using var client = await server.ConnectClientAsync(GovernedPolicy.Reader);
        var updated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await client.SubscribeToResourceAsync(NoteBoard.NoteUri, (notification, _) =>
        {
            updated.TrySetResult(notification.Uri);
            return ValueTask.CompletedTask;
        });

        var notified = await server.Services.GetRequiredService<NoteBoard>().UpdateAsync("second note");

        Assert.Equal(1, notified);
        Assert.Equal(NoteBoard.NoteUri, await updated.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        var read = await client.ReadResourceAsync(NoteBoard.NoteUri);
        Assert.Equal("second note", Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text);
    }

    [Fact]
    public async Task Unsubscribed_session_is_no_longer_notified()
    {
        await using var server = await StartAsync(stateful: true);
        await using var client = await server.ConnectClientAsync(GovernedPolicy.Reader);
        var subscriptions = server.Services.GetRequiredService<ResourceSubscriptions>();

        await client.SubscribeToResourceAsync(NoteBoard.NoteUri);
        Assert.Equal(1, subscriptions.SubscriberCount(NoteBoard.NoteUri));
        await client.UnsubscribeFromResourceAsync(NoteBoard.NoteUri);

        Assert.Equal(0, subscriptions.SubscriberCount(NoteBoard.NoteUri));
        Assert.Equal(0, await server.Services.GetRequiredService<NoteBoard>().UpdateAsync("third note"));
    }

    [Fact]
    public async Task Caller_in_a_profile_without_a_grant_cannot_subscribe()
    {
        await using var server = await StartAsync(stateful: true);
        await using var client = await server.ConnectClientAsync(GovernedPolicy.Auditor);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.SubscribeToResourceAsync(NoteBoard.NoteUri));

        Assert.Contains("Denied by policy: profile:" + GovernedPolicy.AuditorsProfile, error.Message);
        Assert.Equal(0, server.Services.GetRequiredService<ResourceSubscriptions>().SubscriberCount(NoteBoard.NoteUri));
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_uri_is_a_resource_not_found_error()
    {
        await using var server = await StartAsync(stateful: true);
        await using var client = await server.ConnectClientAsync(GovernedPolicy.Reader);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.SubscribeToResourceAsync("notes://nowhere"));

        Assert.Equal(McpErrorCode.ResourceNotFound, error.ErrorCode);
    }

    private Task<RunningServer> StartAsync(bool stateful = false, IReadOnlyDictionary<string, string?>? extra = null) =>
        RunningServer.StartAsync(new ServerSetup
        {
            GrantTestCallerEverything = false,
            AuditDirectory = _audit.Path,
            Settings = new Dictionary<string, string?>(GovernedPolicy.Settings.Concat(extra ?? new Dictionary<string, string?>()))
            {
                ["McpPlatform:SessionMode"] = stateful ? "Stateful" : "Stateless",
            },
            Services = NoteBoard.Register,
        });
}
