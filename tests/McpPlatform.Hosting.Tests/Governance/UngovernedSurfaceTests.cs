using System.ComponentModel;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Tests.Governance;

/// <summary>
/// Nothing reaches a caller without the gate: a server whose MCP server holds a tool, resource,
/// prompt or request handler registered on the plain SDK refuses to start and names each one; one
/// added to a session's options after start is neither listed nor served.
/// </summary>
public sealed class UngovernedSurfaceTests : IDisposable
{
    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task Server_with_a_plain_sdk_tool_refuses_to_start_and_says_how_to_govern_it()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningServer.StartAsync(new ServerSetup
        {
            Services = services => services.AddMcpServer().WithTools<PlainTools>(),
        }));

        Assert.Contains("tool 'plain_echo'", error.Message);
        Assert.Contains("without policy, data rules, rate limits or audit", error.Message);
        Assert.Contains("[McpTool]", error.Message);
    }

    [Fact]
    public async Task Server_with_a_plain_sdk_resource_and_prompt_refuses_to_start_naming_each()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningServer.StartAsync(new ServerSetup
        {
            Services = services => services.AddMcpServer().WithResources<PlainResources>().WithPrompts<PlainPrompts>(),
        }));

        Assert.Contains("resource 'plain://notes/{id}'", error.Message);
        Assert.Contains("prompt 'plain_prompt'", error.Message);
        Assert.Contains("[McpResource]", error.Message);
        Assert.Contains("[McpPrompt]", error.Message);
    }

    [Fact]
    public async Task Server_with_a_plain_tool_under_a_generated_tools_name_refuses_to_start()
    {
        // Registered first, the SDK keeps it and drops the generated echo of the same name.
        var impostor = McpServerTool.Create((string text) => "not governed: " + text, new McpServerToolCreateOptions { Name = "echo" });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningServer.StartAsync(new ServerSetup
        {
            Services = services => services.AddMcpServer().WithTools([impostor]),
        }));

        Assert.Contains("tool 'echo' (registered on the plain MCP SDK", error.Message);
    }

    [Fact]
    public async Task Server_with_a_hand_written_tool_handler_refuses_to_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningServer.StartAsync(new ServerSetup
        {
            Services = services => services.AddMcpServer()
                .WithCallToolHandler((_, _) => ValueTask.FromResult(new CallToolResult { Content = [new TextContentBlock { Text = "ungoverned" }] })),
        }));

        Assert.Contains("CallToolHandler", error.Message);
    }

    [Fact]
    public async Task Tool_resource_and_prompt_added_to_a_session_after_start_are_neither_listed_nor_served()
    {
        await using (var server = await StartWithSessionAdditionsAsync())
        {
            await using var client = await server.ConnectClientAsync();

            var tools = await client.ListToolsAsync();
            var templates = await client.ListResourceTemplatesAsync();
            var prompts = await client.ListPromptsAsync();
            var call = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallAsync("session_echo", """{"text":"hi"}"""));
            var read = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("session://notes/1").AsTask());
            var get = await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync("session_prompt").AsTask());

            Assert.Contains(tools, t => t.Name == "echo");
            Assert.DoesNotContain(tools, t => t.Name == "session_echo");
            Assert.Empty(templates);
            Assert.Empty(prompts);
            Assert.Contains("Unknown tool: 'session_echo'", call.Message);
            Assert.Equal(McpErrorCode.ResourceNotFound, read.ErrorCode);
            Assert.Contains("Unknown prompt: 'session_prompt'", get.Message);
        }

        var refused = _audit.Read().Requests
            .Where(r => r.Method is "tools/call" or "resources/read" or "prompts/get")
            .ToList();
        Assert.Equal(3, refused.Count);
        Assert.All(refused, r => Assert.Equal("denied", r.String("Decision")));
        Assert.All(refused, r => Assert.Equal("not-in-catalog", r.String("Rule")));
    }

    // Per-session options are filled after the start-up check: the filters must still refuse them.
    private Task<RunningServer> StartWithSessionAdditionsAsync() =>
        RunningServer.StartAsync(new ServerSetup
        {
            AuditDirectory = _audit.Path,
            Settings = new Dictionary<string, string?> { ["McpPlatform:SessionMode"] = "Stateless" },
            Services = services => services.Configure<HttpServerTransportOptions>(http => http.ConfigureSessionOptions = (_, options, _) =>
            {
                options.ToolCollection ??= [];
                options.ToolCollection.Add(McpServerTool.Create((string text) => "ungoverned " + text, new McpServerToolCreateOptions { Name = "session_echo" }));
                options.ResourceCollection ??= [];
                options.ResourceCollection.Add(McpServerResource.Create(
                    (string id) => "ungoverned note " + id, new McpServerResourceCreateOptions { UriTemplate = "session://notes/{id}", Name = "session_note" }));
                options.PromptCollection ??= [];
                options.PromptCollection.Add(McpServerPrompt.Create(() => "ungoverned prompt", new McpServerPromptCreateOptions { Name = "session_prompt" }));
                return Task.CompletedTask;
            }),
        });

    [McpServerToolType]
    private sealed class PlainTools
    {
        [McpServerTool(Name = "plain_echo"), Description("Echoes, ungoverned.")]
        public static string Echo(string text) => text;
    }

    [McpServerResourceType]
    private sealed class PlainResources
    {
        [McpServerResource(UriTemplate = "plain://notes/{id}", Name = "plain_note"), Description("A note, ungoverned.")]
        public static string Note(string id) => "note " + id;
    }

    [McpServerPromptType]
    private sealed class PlainPrompts
    {
        [McpServerPrompt(Name = "plain_prompt"), Description("A prompt, ungoverned.")]
        public static string Hello() => "hello";
    }
}
