using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Governance.Rollback;
using McpPlatform.Hosting.CodeMode;
using McpPlatform.Hosting.Rollback;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Governance;

/// <summary>
/// The SDK request filters that put the gate in front of the generated tools: tools/list shows
/// a caller only the catalog's tools it may call, tools/call passes <see cref="ToolCallGate"/>.
/// A name the catalog does not hold is refused here as an unknown tool, even when the SDK knows a
/// tool by that name (one added to a session after the start-up check,
/// <see cref="GovernedSurfaceValidator"/>), and the catalog's own tool is the one that runs.
/// A Code Mode connection (<see cref="CodeModeSelection"/>) sees only <c>search</c> and
/// <c>execute</c>, and any other tool name is unknown to it. On a plain connection, OpenAPI operations past
/// <see cref="OperationSurfaceOptions.NativeToolLimit"/> are left out of the list for <c>search</c> and <c>execute</c>
/// (<see cref="OperationSurface"/>), and a direct call of one is refused with the way to reach it.
/// </summary>
internal static class GovernanceFilters
{
    public static McpRequestHandler<ListToolsRequestParams, ListToolsResult> ListTools(McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) =>
        async (request, cancellationToken) =>
        {
            var services = Services(request.Services, request.Server);
            var rollback = services.GetService<RollbackSurface>();
            var gate = services.GetRequiredService<ToolCallGate>();
            var catalog = services.GetRequiredService<McpToolCatalog>();
            var caller = gate.IsGoverned ? services.GetRequiredService<CallerIdentityResolver>().Resolve(request.User) : CallerIdentity.Anonymous;
            if (CodeModeSelection.IsCodeMode(services))
            {
                var surface = CodeModeSurface.ToolsFor(MayReachDestructive(gate, catalog, caller));
                return new ListToolsResult { Tools = rollback is { IsOffered: true } ? [.. surface, RollbackSurface.Tool] : [.. surface] };
            }

            var result = await next(request, cancellationToken).ConfigureAwait(false);
            var operations = services.GetRequiredService<OperationSurface>();
            // Also the tools a rule grants this caller once the token has more scopes: calling one answers 403
            // insufficient_scope (ScopeStepUp), which is how a client learns to step up.
            result.Tools = result.Tools
                .Where(tool => catalog.TryGet(tool.Name, out var generated)
                    && !operations.Hides(generated.Descriptor)
                    && gate.Decide(caller, generated.Descriptor) is { Allowed: true } or { RequiredScopes.Count: > 0 })
                .ToList();
            if (operations.ThroughCodeMode)
            {
                // The operations past the native limit are reached through these two, beside the generated tools. A
                // catalog tool of the same name keeps it (and is what a call by that name runs); ?codemode= still has both.
                result.Tools = [.. result.Tools, .. CodeModeSurface.ToolsFor(MayReachDestructive(gate, catalog, caller)).Where(t => !catalog.TryGet(t.Name, out _))];
            }

            if (rollback is { IsOffered: true })
            {
                result.Tools = [.. result.Tools, RollbackSurface.Tool];
            }

            return result;
        };

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> CallTool(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (request, cancellationToken) =>
        {
            var services = Services(request.Services, request.Server);
            if (services.GetService<RollbackSurface>() is { } rollback && rollback.Handles(request.Params?.Name))
            {
                return services.GetRequiredService<RollbackRunner>().RunAsync(request, cancellationToken);
            }

            if (CodeModeSelection.IsCodeMode(services))
            {
                return CodeModeSurface.IsSurfaceTool(request.Params?.Name)
                    ? services.GetRequiredService<CodeModeRunner>().RunAsync(request, cancellationToken)
                    : throw new McpProtocolException($"Unknown tool: '{request.Params?.Name}'", McpErrorCode.InvalidParams);
            }

            var catalog = services.GetRequiredService<McpToolCatalog>();
            var gate = services.GetRequiredService<ToolCallGate>();
            var operations = services.GetRequiredService<OperationSurface>();
            if (operations.ThroughCodeMode && CodeModeSurface.IsSurfaceTool(request.Params?.Name) && !catalog.TryGet(request.Params!.Name, out _))
            {
                return services.GetRequiredService<CodeModeRunner>().RunAsync(request, cancellationToken);
            }

            if (request.Params?.Name is not { } name || !catalog.TryGet(name, out var tool))
            {
                throw CatalogRefusals.UnknownTool(request.Params?.Name);
            }

            if (operations.Hides(tool.Descriptor))
            {
                var codeModeName = services.GetRequiredService<CodeModeToolIndex>().TryGet(name, out var indexed) ? indexed.Name : name;
                throw CatalogRefusals.OfferedThroughCodeMode(name, codeModeName, operations.Operations, operations.NativeToolLimit);
            }

            // The SDK matched a tool of its own by this name before this filter; the catalog's runs.
            request.MatchedPrimitive = tool;
            if (tool.Descriptor.Revert is not null && services.GetService<ExecutionStore>() is { } store)
            {
                // A call that can be undone is an execution of its own: its id comes back in the result's _meta.
                return CallRevertibleAsync(request, next, gate, store, services, cancellationToken);
            }

            if (gate.IsPassThrough)
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
                    cancellationToken,
                    new Approval.ElicitationApprovalAsker(request.Server, request.Params, services.GetRequiredService<Approval.ApprovalStates>(), innerCall: false));
        };

    private static async ValueTask<CallToolResult> CallRevertibleAsync(
        RequestContext<CallToolRequestParams> request,
        McpRequestHandler<CallToolRequestParams, CallToolResult> next,
        ToolCallGate gate,
        ExecutionStore store,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var tool = (GovernedMcpTool)request.MatchedPrimitive!;
        var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(request.User);
        var journal = store.Begin(McpPlatform.Governance.RateLimiting.CallerPartition.Key(caller));
        CallToolResult result;
        using (ExecutionScope.Begin(journal))
        {
            if (gate.IsPassThrough)
            {
                result = await next(request, cancellationToken).ConfigureAwait(false);
                ExecutionScope.Record(tool.Descriptor, request.Params!.Arguments, result);
            }
            else
            {
                result = await gate.InvokeAsync(
                    caller,
                    tool.Descriptor,
                    request.Params!.Arguments,
                    (arguments, token) =>
                    {
                        request.Params.Arguments = arguments;
                        return next(request, token);
                    },
                    cancellationToken,
                    new Approval.ElicitationApprovalAsker(request.Server, request.Params, services.GetRequiredService<Approval.ApprovalStates>(), innerCall: false)).ConfigureAwait(false);
            }
        }

        await store.KeepAsync(journal, CancellationToken.None).ConfigureAwait(false);
        return ExecutionScope.WithExecutionId(result, journal);
    }

    // execute's destructiveHint: true when the caller's policy lets it call at least one Destructive tool of the catalog.
    private static bool MayReachDestructive(ToolCallGate gate, McpToolCatalog catalog, CallerIdentity caller) =>
        catalog.Descriptors.Any(d => d.Access == ToolAccess.Destructive && gate.Decide(caller, d).Allowed);

    private static IServiceProvider Services(IServiceProvider? requestServices, McpServer server) =>
        requestServices ?? server.Services ?? throw new InvalidOperationException("The MCP server has no service provider.");
}
