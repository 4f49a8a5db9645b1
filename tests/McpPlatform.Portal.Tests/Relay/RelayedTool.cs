using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using McpPlatform.Portal.Relay;
using Microsoft.Extensions.DependencyInjection;
using McpPlatform.Portal.Upstreams;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Tests.Relay;

/// <summary>
/// A portal tool that calls one upstream tool over the portal's own connection the way the portal's upstream tools do
/// (<c>UpstreamMcpTool</c>: in flight in <see cref="RelayCalls"/>, so the upstream's progress, log messages and elicitation
/// requests reach this caller), without the approved manifest those need: these tests are about the relay.
/// </summary>
internal sealed class RelayedTool(string upstreamNamespace, string name, string upstreamTool)
    : GovernedMcpTool(new McpToolDescriptor
    {
        Name = name,
        Description = $"Calls {upstreamTool} on upstream {upstreamNamespace}.",
        Access = ToolAccess.Read,
        ToolSet = upstreamNamespace, // as the portal's upstream tools
        InputSchema = """{"type":"object","properties":{"duration":{"type":"number"},"steps":{"type":"number"}}}""",
        Origin = ToolOrigin.Upstream,
    })
{
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var services = request.Services ?? request.Server.Services!;
        Assert.True(services.GetRequiredService<UpstreamRegistry>().TryGet(upstreamNamespace, out var upstream));
        using var call = services.GetRequiredService<RelayCalls>().Begin(upstreamNamespace, request);
        var result = await upstream.CallToolAsync(upstreamTool, request.Params?.Arguments?.AsReadOnly(), null, call.Progress, cancellationToken);
        await call.DrainAsync(); // as UpstreamMcpTool: every relayed notice before the result
        return result;
    }
}
