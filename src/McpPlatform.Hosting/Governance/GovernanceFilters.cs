using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.CodeMode;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Governance;

/// <summary>
/// The SDK request filters that put the gate in front of the generated tools: tools/list shows
/// a caller only the tools it may call, tools/call passes <see cref="ToolCallGate"/>. Names the
/// catalog does not know go on to the SDK, which answers unknown tools with a JSON-RPC error.
/// A Code Mode connection (<see cref="CodeModeSelection"/>) sees only <c>search</c> and
/// <c>execute</c>, and any other tool name is unknown to it.
/// </summary>
internal static class GovernanceFilters
{
    public static McpRequestHandler<ListToolsRequestParams, ListToolsResult> ListTools(McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) =>
        async (request, cancellationToken) =>
        {
            var services = Services(request.Services, request.Server);
            if (CodeModeSelection.IsCodeMode(services))
            {
                return new ListToolsResult { Tools = [.. CodeModeSurface.Tools] };
            }

            var result = await next(request, cancellationToken).ConfigureAwait(false);
            var gate = services.GetRequiredService<ToolCallGate>();
            if (!gate.IsGoverned)
            {
                return result;
            }

            var catalog = services.GetRequiredService<McpToolCatalog>();
            var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(request.User);
            result.Tools = result.Tools
                .Where(tool => !catalog.TryGet(tool.Name, out var generated) || gate.Decide(caller, generated.Descriptor).Allowed)
                .ToList();
            return result;
        };

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> CallTool(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (request, cancellationToken) =>
        {
            var services = Services(request.Services, request.Server);
            if (CodeModeSelection.IsCodeMode(services))
            {
                return CodeModeSurface.IsSurfaceTool(request.Params?.Name)
                    ? services.GetRequiredService<CodeModeRunner>().RunAsync(request, cancellationToken)
                    : throw new McpProtocolException($"Unknown tool: '{request.Params?.Name}'", McpErrorCode.InvalidParams);
            }

            var catalog = services.GetRequiredService<McpToolCatalog>();
            var gate = services.GetRequiredService<ToolCallGate>();
            if (gate.IsPassThrough || request.Params?.Name is not { } name || !catalog.TryGet(name, out var tool))
            {
                return next(request, cancellationToken);
            }

            var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(request.User);
            return gate
                .InvokeAsync(
                    caller,
                    tool.Descriptor,
                    request.Params.Arguments,
                    (arguments, token) =>
                    {
                        request.Params.Arguments = arguments; // redacted by data-loss rules when they matched
                        return next(request, token);
                    },
                    cancellationToken);
        };

    private static IServiceProvider Services(IServiceProvider? requestServices, McpServer server) =>
        requestServices ?? server.Services ?? throw new InvalidOperationException("The MCP server has no service provider.");
}
