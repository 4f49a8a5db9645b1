using System.Text.Json;
using McpPlatform.Portal.Upstreams;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// The issue asks for log messages relayed; the SDK marks logging obsolete for protocol 2026-07-28 (SEP-2577), where
// callers of earlier versions still use it.
#pragma warning disable MCP9005

namespace McpPlatform.Portal.Relay;

/// <summary>
/// The portal's client side towards an upstream: the elicitation requests and log messages the upstream sends, passed on
/// to the caller whose call is in flight (<see cref="RelayCalls"/>). An <see cref="IUpstreamClientConfigurator"/>: every
/// upstream connection applies it before its handshake, so the upstream learns at initialize that the portal can elicit.
/// </summary>
public sealed partial class UpstreamClientRelay(RelayCalls calls, ILogger<UpstreamClientRelay> logger) : IUpstreamClientConfigurator
{
    /// <inheritdoc />
    public void Configure(UpstreamConnection upstream, McpClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(options);
        var upstreamNamespace = upstream.Namespace;
        options.Handlers.ElicitationHandler = (request, cancellationToken) => ElicitAsync(upstreamNamespace, request, cancellationToken);

        // On the connection's read pump rather than as the SDK's handler: queued for the caller before the response that
        // follows it is seen, so the tool's drain sends it before the result (the SDK runs its handlers in parallel).
        upstream.HandleInOrder(NotificationMethods.LoggingMessageNotification, notification => RelayLog(upstreamNamespace, notification));
    }

    /// <summary>
    /// Installs the elicitation handler and the log message handler of upstream <paramref name="upstreamNamespace"/>'s client,
    /// for a client the portal's <see cref="UpstreamConnection"/> did not create (log messages then keep no order with the result).
    /// </summary>
    public void Configure(string upstreamNamespace, McpClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(upstreamNamespace);
        ArgumentNullException.ThrowIfNull(options);
        options.Handlers.ElicitationHandler = (request, cancellationToken) => ElicitAsync(upstreamNamespace, request, cancellationToken);
        options.Handlers.NotificationHandlers =
        [
            .. options.Handlers.NotificationHandlers ?? [],
            new(NotificationMethods.LoggingMessageNotification, (notification, _) =>
            {
                RelayLog(upstreamNamespace, notification);
                return ValueTask.CompletedTask;
            }),
        ];
    }

    /// <summary>
    /// Asks the caller whose call is in flight, with the upstream named in the message (the user should know who asks);
    /// declines when no single caller can be told, or it cannot answer elicitations (no capability, stateless session).
    /// </summary>
    internal async ValueTask<ElicitResult> ElicitAsync(string upstreamNamespace, ElicitRequestParams? request, CancellationToken cancellationToken)
    {
        if (request is null || calls.SoleCaller(upstreamNamespace) is not { } caller || caller.ClientCapabilities?.Elicitation is null)
        {
            LogNotRelayed(logger, "elicitation request", upstreamNamespace);
            return new ElicitResult { Action = "decline" };
        }

        request.Message = $"[{upstreamNamespace}] {request.Message}";
        try
        {
            return await caller.ElicitAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogElicitationFailed(logger, upstreamNamespace, e.GetType().Name);
            return new ElicitResult { Action = "decline" };
        }
    }

    /// <summary>
    /// Queues a log message for the caller whose call is in flight (after what was relayed to it before), at or above the
    /// level that caller asked for. Only queues: it runs on the connection's read pump.
    /// </summary>
    internal void RelayLog(string upstreamNamespace, JsonRpcNotification notification)
    {
        var message = notification.Params is { } json
            ? JsonSerializer.Deserialize(json, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(LoggingMessageNotificationParams))) as LoggingMessageNotificationParams
            : null;
        if (message is null)
        {
            return;
        }

        if (calls.SoleCall(upstreamNamespace) is not { } call)
        {
            LogNotRelayed(logger, "log message", upstreamNamespace);
            return;
        }

        if (call.Caller.LoggingLevel is { } wanted && message.Level < wanted)
        {
            return;
        }

        message.Logger = message.Logger is { Length: > 0 } upstreamLogger ? $"{upstreamNamespace}/{upstreamLogger}" : upstreamNamespace;
        call.Send(caller => caller.SendNotificationAsync(NotificationMethods.LoggingMessageNotification, message, cancellationToken: CancellationToken.None));
    }

    [LoggerMessage(EventId = 16502, Level = LogLevel.Debug, Message = "An {What} of upstream {Upstream} was not relayed: no single caller session has a call in flight to it, or it cannot take it")]
    private static partial void LogNotRelayed(ILogger logger, string what, string upstream);

    [LoggerMessage(EventId = 16503, Level = LogLevel.Information, Message = "Relaying an elicitation request of upstream {Upstream} to its caller failed ({Error}); declined")]
    private static partial void LogElicitationFailed(ILogger logger, string upstream, string error);
}
