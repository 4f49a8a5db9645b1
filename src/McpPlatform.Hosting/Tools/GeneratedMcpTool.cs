using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Tools;

/// <summary>
/// Base class of every tool the source generator emits. The generated subclass binds
/// arguments and calls the method; this class owns the protocol description and turns
/// failures into MCP tool errors (isError) without stack traces.
/// </summary>
public abstract class GeneratedMcpTool : GovernedMcpTool
{
    /// <summary>Creates the tool from its compile-time descriptor.</summary>
    protected GeneratedMcpTool(McpToolDescriptor descriptor)
        : base(descriptor)
    {
    }

    /// <inheritdoc />
    public sealed override async ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        try
        {
            var invocation = new ToolInvocation(request, Descriptor);
            if (Descriptor.ArgumentNames is { } accepted)
            {
                invocation.Arguments.RejectUnknown(accepted);
            }

            return await InvokeCoreAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (ToolArgumentException ex)
        {
            return ToolResults.Error(ex.Message);
        }
        // A tool that deliberately raises a protocol error gets a JSON-RPC error, as the SDK does: not caught here.
        catch (Exception ex) when (HandlerRequests.IsHandlerFailure(ex, cancellationToken))
        {
            var record = AuditScope.Current;
            var correlationId = ToolFailure.CorrelationId(record);
            HandlerRequests.Logger<GeneratedMcpTool, CallToolRequestParams>(request)
                .LogWarning(ex, "Tool {ToolName} failed (correlation id {CorrelationId})", Descriptor.Name, correlationId);
            ToolFailure.Audit(record, ex);
            return ToolResults.Error(ToolFailure.Message(Descriptor.Name, ex, correlationId));
        }
    }

    /// <summary>Binds the arguments, calls the tool method and converts its result.</summary>
    protected abstract ValueTask<CallToolResult> InvokeCoreAsync(ToolInvocation invocation, CancellationToken cancellationToken);
}
