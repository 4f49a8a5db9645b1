using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using McpPlatform.Portal.Relay;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Tests.Relay;

/// <summary>
/// A portal tool that calls one upstream tool the way the portal's upstream tools do (through <see cref="RelayCalls"/>, so
/// the upstream's progress, log messages and elicitation requests reach this caller). Stands in for the runtime's tools,
/// which are built concurrently; the relay under test is the same.
/// </summary>
internal sealed class RelayedTool(string upstreamNamespace, string name, string upstreamTool, Func<McpClient?> upstream)
    : GovernedMcpTool(new McpToolDescriptor
    {
        Name = name,
        Description = $"Calls {upstreamTool} on upstream {upstreamNamespace}.",
        Access = ToolAccess.Read,
        ToolSet = "relay",
        InputSchema = """{"type":"object","properties":{"duration":{"type":"number"},"steps":{"type":"number"}}}""",
        Origin = ToolOrigin.Upstream,
    })
{
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var client = upstream() ?? throw new InvalidOperationException($"Upstream '{upstreamNamespace}' is not connected.");
        using var call = (request.Services ?? request.Server.Services!).GetRequiredService<RelayCalls>().Begin(upstreamNamespace, request);
        var arguments = request.Params?.Arguments?.ToDictionary(a => a.Key, a => (object?)a.Value);
        return await client.CallToolAsync(upstreamTool, arguments, call.Progress, cancellationToken: cancellationToken);
    }
}
