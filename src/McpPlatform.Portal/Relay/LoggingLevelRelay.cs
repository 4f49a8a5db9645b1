using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// The issue asks for log messages relayed; the SDK marks logging obsolete for protocol 2026-07-28 (SEP-2577), where
// callers of earlier versions still use it.
#pragma warning disable MCP9005

namespace McpPlatform.Portal.Relay;

/// <summary>
/// logging/setLevel at the portal, passed on to the upstreams: many servers send log messages only once their client
/// asked for a level. One connection serves every caller, so an upstream is asked for the most verbose level any
/// caller has asked for (never less verbose again); each caller still gets only what its own level lets through
/// (<see cref="UpstreamClientRelay"/>).
/// </summary>
internal static partial class LoggingLevelRelay
{
    private static readonly ConditionalWeakTable<McpClient, StrongBox<LoggingLevel>> Forwarded = [];

    /// <summary>Answers logging/setLevel when nothing else does (the SDK keeps the caller's level itself).</summary>
    public static ValueTask<EmptyResult> Accept(RequestContext<SetLevelRequestParams> request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new EmptyResult());

    public static McpRequestHandler<SetLevelRequestParams, EmptyResult> SetLevel(McpRequestHandler<SetLevelRequestParams, EmptyResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken).ConfigureAwait(false);
            if (request.Params?.Level is { } level)
            {
                var logger = ResourceRelayFilters.Logger(request);
                await Task.WhenAll(ResourceRelayFilters.Upstreams(request).Select(upstream => ForwardAsync(upstream, level, logger, cancellationToken))).ConfigureAwait(false);
            }

            return result;
        };

    private static async Task ForwardAsync(RelayUpstream upstream, LoggingLevel level, ILogger logger, CancellationToken cancellationToken)
    {
        if (upstream.Client() is not { ServerCapabilities.Logging: not null } client)
        {
            return;
        }

        var forwarded = Forwarded.GetValue(client, static _ => new StrongBox<LoggingLevel>((LoggingLevel)int.MaxValue));
        lock (forwarded)
        {
            if (level >= forwarded.Value)
            {
                return; // already as verbose or more
            }

            forwarded.Value = level;
        }

        try
        {
            await UpstreamRequests.SendAsync<bool>(
                upstream,
                RequestMethods.LoggingSetLevel,
                async (connected, token) =>
                {
                    await connected.SetLoggingLevelAsync(level, cancellationToken: token).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The caller's own level is set; an upstream that cannot take it just sends what it sends.
            LogNotForwarded(logger, upstream.Namespace, e.Message);
        }
    }

    [LoggerMessage(EventId = 16504, Level = LogLevel.Information, Message = "logging/setLevel not passed on to upstream {Upstream}: {Reason}")]
    private static partial void LogNotForwarded(ILogger logger, string upstream, string reason);
}
