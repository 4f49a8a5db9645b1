using McpPlatform.Governance.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Tools;

/// <summary>
/// A tool the platform governs, whatever its origin: one the source generator emitted
/// (<see cref="GeneratedMcpTool"/>), an upstream MCP server's or an OpenAPI operation's. It carries the
/// descriptor the governance core checks; the catalog, the governance filters and Code Mode see only this.
/// </summary>
public abstract class GovernedMcpTool : McpServerTool
{
    private readonly Tool _protocolTool;

    /// <summary>Creates the tool from its descriptor; the protocol description is derived from it unless given.</summary>
    /// <param name="descriptor">What governance knows about the tool.</param>
    /// <param name="protocolTool">The tool as tools/list shows it, when the origin has its own (an upstream's annotations and _meta).</param>
    protected GovernedMcpTool(McpToolDescriptor descriptor, Tool? protocolTool = null)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Descriptor = descriptor;
        _protocolTool = protocolTool ?? ProtocolTools.From(descriptor);
    }

    /// <summary>What governance knows about this tool.</summary>
    public McpToolDescriptor Descriptor { get; }

    /// <inheritdoc />
    public override Tool ProtocolTool => _protocolTool;

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => [];
}
