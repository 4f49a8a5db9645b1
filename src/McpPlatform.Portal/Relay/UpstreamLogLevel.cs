// Log messages are a 2025-11-25 feature the SDK marks obsolete for 2026-07-28 (MCP9005); upstreams still speak it.
#pragma warning disable MCP9005
using System.Runtime.CompilerServices;
using McpPlatform.Portal.Upstreams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Relay;

/// <summary>
/// Asks every upstream that offers logging for all its log messages (<c>logging/setLevel debug</c>) once per connection.
/// An MCP server sends no log notification until its client sets a level (the C# SDK's, for one), and callers set
/// theirs on the portal, never on the upstream; so without this the relay would have nothing to pass on. Each caller's
/// own level still filters what reaches it (<see cref="UpstreamClientRelay"/>).
/// </summary>
internal sealed partial class UpstreamLogLevel(UpstreamRegistry registry, ILogger<UpstreamLogLevel> logger) : IHostedService
{
    private readonly ConditionalWeakTable<McpClient, object> _asked = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var connection in registry.All)
        {
            connection.ToolsChanged += AskAsync; // raised on every (re)connect
            await AskAsync(connection).ConfigureAwait(false); // already connected before this service started
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var connection in registry.All)
        {
            connection.ToolsChanged -= AskAsync;
        }

        return Task.CompletedTask;
    }

    private async Task AskAsync(UpstreamConnection connection)
    {
        if (connection.Client is not { } client || client.ServerCapabilities.Logging is null || !_asked.TryAdd(client, client))
        {
            return;
        }

        try
        {
            await client.SetLoggingLevelAsync(LoggingLevel.Debug, cancellationToken: CancellationToken.None)
                .WaitAsync(connection.Options.Timeout).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // An upstream that refuses or does not answer keeps working; its log messages just do not come.
            LogLevelRefused(logger, connection.Namespace, failure.Message);
        }
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Upstream {Upstream} did not take logging/setLevel: {Reason}")]
    private static partial void LogLevelRefused(ILogger logger, string upstream, string reason);
}
