using ModelContextProtocol.Client;

namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// Lets other parts of the portal (the relay of elicitation, sampling, logging and resource notifications) shape the
/// MCP client of every upstream: registered in DI, called on each (re)connect with fresh options before the
/// handshake. Add to <see cref="McpClientHandlers.NotificationHandlers"/> rather than replacing it: the connection's
/// own handler for notifications/tools/list_changed is already there.
/// </summary>
public interface IUpstreamClientConfigurator
{
    /// <summary>Adjusts the options of the client about to connect to <paramref name="upstream"/>.</summary>
    void Configure(UpstreamConnection upstream, McpClientOptions options);
}
