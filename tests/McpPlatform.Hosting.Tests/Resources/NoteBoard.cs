using McpPlatform.Governance.Prompts;
using McpPlatform.Governance.Resources;
using McpPlatform.Hosting.Prompts;
using McpPlatform.Hosting.Resources;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.Resources;

/// <summary>
/// A tiny resource catalog written the way the generator writes one (subclasses of the generated
/// bases), so these HTTP tests do not change the generated tool surface of this test project:
/// a notes board whose note changes at run time, a contacts resource holding an email address, a
/// templated note, a prompt, and completions for both.
/// </summary>
public sealed class NoteBoard(ResourceSubscriptions subscriptions)
{
    public const string NoteUri = "notes://board";
    public const string ContactsUri = "notes://contacts";
    public const string PromptName = "summarize_notes";
    public const string Email = "jane.doe@example.com";

    private volatile string _note = "first note";

    public string Note => _note;

    /// <summary>Changes the note and tells subscribed sessions, as a server-side change would.</summary>
    public Task<int> UpdateAsync(string note)
    {
        _note = note;
        return subscriptions.NotifyUpdatedAsync(NoteUri);
    }

    public static McpResourceCatalog Catalog { get; } = new(
        [new BoardResource(), new ContactsResource(), new NoteByIdResource()],
        [new SummarizePrompt()],
        [
            new McpCompletionSource(McpCompletionTargetKind.Prompt, PromptName, "style", (c, _) =>
                ValueTask.FromResult<IEnumerable<string>>(new[] { "brief", "bulleted" }.Where(v => v.StartsWith(c.Value, StringComparison.Ordinal)))),
            new McpCompletionSource(McpCompletionTargetKind.ResourceTemplate, "notes://by-id/{id}", "id", (c, _) =>
                ValueTask.FromResult<IEnumerable<string>>(["1", "2"])),
        ]);

    /// <summary>Registers the catalog and the board on a test server's services.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<NoteBoard>();
        PlatformResources.Add(services.AddMcpServer(), Catalog);
    }

    private sealed class BoardResource() : GeneratedMcpResource(new McpResourceDescriptor
    {
        Name = "board",
        Uri = NoteUri,
        Description = "The current note.",
        MimeType = "text/plain",
    })
    {
        protected override ValueTask<ReadResourceResult> ReadCoreAsync(ResourceRead read, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ResourceResults.From(read, read.Services.GetRequiredService<NoteBoard>().Note));
    }

    private sealed class ContactsResource() : GeneratedMcpResource(new McpResourceDescriptor
    {
        Name = "contacts",
        Uri = ContactsUri,
        Description = "Who to call.",
    })
    {
        protected override ValueTask<ReadResourceResult> ReadCoreAsync(ResourceRead read, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ResourceResults.From(read, $"Call Jane at {Email}."));
    }

    private sealed class NoteByIdResource() : GeneratedMcpResource(new McpResourceDescriptor
    {
        Name = "note_by_id",
        Uri = "notes://by-id/{id}",
        Description = "One note by id.",
    })
    {
        protected override ValueTask<ReadResourceResult> ReadCoreAsync(ResourceRead read, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ResourceResults.From(read, "note " + read.Variable("id")));
    }

    private sealed class SummarizePrompt() : GeneratedMcpPrompt(new McpPromptDescriptor
    {
        Name = PromptName,
        Description = "Summarize the notes.",
        Arguments = [new McpPromptArgumentDescriptor("style", "How to summarize.", true)],
    })
    {
        protected override ValueTask<GetPromptResult> GetCoreAsync(PromptInvocation invocation, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PromptResults.From(invocation, $"Summarize {invocation.Required("style")}; questions to {Email}."));
    }
}
