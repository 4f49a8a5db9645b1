using System.Text.Json;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>
/// Calls a generated tool the way the SDK does for tools/call, without HTTP: a server that is never
/// started (its transport is an empty stream) only carries the request's services.
/// </summary>
internal static class ToolCall
{
    public static async Task<CallToolResult> InvokeAsync(GeneratedMcpTool tool, string argumentsJson, IServiceProvider? services = null)
    {
        var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(argumentsJson);
        await using var transport = new StreamServerTransport(Stream.Null, Stream.Null);
        await using var server = McpServer.Create(transport, new McpServerOptions(), loggerFactory: null, serviceProvider: services);
        var request = new RequestContext<CallToolRequestParams>(
            server,
            new JsonRpcRequest { Id = new RequestId(1), Method = RequestMethods.ToolsCall },
            new CallToolRequestParams { Name = tool.ProtocolTool.Name, Arguments = arguments })
        {
            Services = services,
        };
        return await tool.InvokeAsync(request, CancellationToken.None);
    }

    /// <summary>The text of the result's single text block.</summary>
    public static string Text(this CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
