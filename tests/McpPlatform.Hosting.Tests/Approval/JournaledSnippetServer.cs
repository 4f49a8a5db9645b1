using System.Text.Json.Nodes;
using McpPlatform.Fixtures.Rollback;
using McpPlatform.Fixtures.Snippets;
using McpPlatform.Governance;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Hosting.Tests.Approval;

/// <summary>
/// A stateless server on 127.0.0.1 with the default approval rule (every Destructive tool asks), the card tools (which
/// declare inverses, so rollback is offered) and the snippets fixture (whose replace_card and card_pair call them),
/// spoken to over raw HTTP on protocol 2026-07-28.
/// </summary>
internal sealed class JournaledSnippetServer : IAsyncDisposable
{
    /// <summary>The client capabilities of a 2026-07-28 request that can be asked (form elicitation).</summary>
    public static readonly JsonObject Elicitation = new() { ["elicitation"] = new JsonObject { ["form"] = new JsonObject() } };

    private readonly AuditFolder _audit;

    private JournaledSnippetServer(RunningServer server, AuditFolder audit)
    {
        Server = server;
        _audit = audit;
        Plain = new July2026Client(server.McpUri, server.MintToken());
        CodeMode = new July2026Client(server.CodeModeUri(), server.MintToken());
    }

    public RunningServer Server { get; }

    /// <summary>The plain endpoint (every tool, snippet_* and rollback).</summary>
    public July2026Client Plain { get; }

    /// <summary>The Code Mode endpoint (search, execute, rollback).</summary>
    public July2026Client CodeMode { get; }

    /// <summary>A stateless server with the snippet and card tools; <paramref name="settings"/> added to its configuration.</summary>
    public static async Task<JournaledSnippetServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var audit = new AuditFolder();
        var server = await RunningServer.StartAsync(new ServerSetup
        {
            AuditDirectory = audit.Path,
            ExtraTools = [.. SnippetsCatalog.Catalog.Tools, .. RollbackCatalog.Catalog.Tools],
            Settings = new Dictionary<string, string?>
            {
                ["McpPlatform:SessionMode"] = McpSessionMode.Stateless.ToString(),
                ["McpPlatform:Approval:RequireForDestructive"] = "true",
            }.Concat(settings ?? new Dictionary<string, string?>()).ToDictionary(),
        });
        return new JournaledSnippetServer(server, audit);
    }

    /// <summary>tools/call on <paramref name="client"/>; on a retry with the state of the round before and the answer (accept or decline).</summary>
    public static async Task<JsonObject> CallAsync(July2026Client client, string tool, JsonObject arguments, string? state = null, string? answer = null)
    {
        var response = await client.CallToolAsync(
            tool,
            (JsonObject)arguments.DeepClone(), // a node has one parent: the test reuses its arguments across rounds
            Elicitation,
            state,
            answer is null ? null : new JsonObject
            {
                ["mcpplatform_approval"] = answer == "accept" ? new JsonObject { ["action"] = answer, ["content"] = new JsonObject() } : new JsonObject { ["action"] = answer },
            });
        return response["result"] as JsonObject ?? throw new Xunit.Sdk.XunitException("Expected a result: " + response.ToJsonString());
    }

    /// <summary>The question of an input-required result: its message and request state.</summary>
    public static (string Message, string State) Question(JsonObject result)
    {
        Assert.True((string?)result["resultType"] == "input_required", "Expected input_required: " + result.ToJsonString());
        return ((string)result["inputRequests"]!["mcpplatform_approval"]!["params"]!["message"]!, (string)result["requestState"]!);
    }

    /// <summary>The audit outcomes of <paramref name="tool"/>'s tools/call records, in order.</summary>
    public async Task<string[]> OutcomesAsync(string tool)
    {
        await Server.Services.GetRequiredService<AuditLog>().FlushAsync();
        return [.. _audit.Read().Requests.Where(r => r.Method == "tools/call" && r.Tool == tool).OrderBy(r => r.Seq).Select(r => r.Outcome ?? "(none)")];
    }

    public async ValueTask DisposeAsync()
    {
        Plain.Dispose();
        CodeMode.Dispose();
        await Server.DisposeAsync();
        _audit.Dispose();
    }
}
