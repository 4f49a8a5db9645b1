using System.Diagnostics;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Audit;

/// <summary>
/// Opens one audit record per JSON-RPC request the MCP server handles (initialize, tools/list,
/// tools/call, ...), makes it current while the request runs so the gate can add the tool and
/// decision, and writes it when the request ends, whatever the outcome. Each notification the
/// client sends (notifications/initialized, notifications/cancelled, ...) gets a record too.
/// </summary>
internal static class AuditMessageFilter
{
    // Without an audit log (or for a response) the message goes on without an async frame of this filter's.
    public static McpMessageHandler Incoming(McpMessageHandler next) => (context, cancellationToken) =>
        context.JsonRpcMessage is (JsonRpcRequest or JsonRpcNotification)
        && (context.Services ?? context.Server.Services)?.GetService<AuditLog>() is { } audit
            ? AuditedAsync(next, context, audit, cancellationToken)
            : next(context, cancellationToken);

    private static async Task AuditedAsync(McpMessageHandler next, MessageContext context, AuditLog audit, CancellationToken cancellationToken)
    {
        var services = context.Services ?? context.Server.Services!;
        var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(context.User);

        // The id and method come straight from the client: cut here already, so a queued record never
        // holds a megabyte-long id (the writer cuts every field again).
        var limits = audit.Limits;
        var record = new AuditRecord
        {
            SessionId = context.Server.SessionId,
            CorrelationId = Activity.Current?.TraceId.ToString() ?? services.GetService<IHttpContextAccessor>()?.HttpContext?.TraceIdentifier,
            Subject = limits.Field(caller.Subject),
            ClientId = limits.Field(caller.ClientId),
        };

        if (context.JsonRpcMessage is JsonRpcNotification notification)
        {
            // Notifications (initialized, cancelled, progress...) get no answer, so nothing waits on them:
            // one small record, queued, without a scope or a timer.
            record.Kind = AuditRecord.NotificationKind;
            record.Method = limits.Field(notification.Method);
            try
            {
                await next(context, cancellationToken).ConfigureAwait(false);
                record.Outcome = AuditOutcomes.Ok;
            }
            catch (Exception failure)
            {
                record.Outcome = AuditOutcomes.Failed;
                record.Error = failure.GetType().Name;
                throw;
            }
            finally
            {
                await audit.WriteAsync(record, durable: false, CancellationToken.None).ConfigureAwait(false);
            }

            return;
        }

        var request = (JsonRpcRequest)context.JsonRpcMessage;
        record.RequestId = limits.Field(request.Id.ToString());
        record.Method = limits.Field(request.Method);

        if (audit.IsFailing && request.Method is not (RequestMethods.Initialize or RequestMethods.Ping)
            && services.GetRequiredService<IOptions<AuditOptions>>().Value.FailClosedReads)
        {
            // FailClosedReads: nothing is served while its record could be lost. This record still goes to the
            // writer: once one is written, the audit log works again and requests are served.
            record.Outcome = AuditOutcomes.Refused;
            record.Error = "audit unavailable";
            await audit.WriteAsync(record, durable: false, CancellationToken.None).ConfigureAwait(false);
            throw new McpProtocolException(AuditUnavailableException.RequestRefused, McpErrorCode.InternalError);
        }

        var started = Stopwatch.GetTimestamp();
        using var scope = AuditScope.Begin(record);
        try
        {
            await next(context, cancellationToken).ConfigureAwait(false);
            record.Outcome ??= AuditOutcomes.Ok;
        }
        catch (Exception failure)
        {
            record.Outcome = AuditOutcomes.Failed;
            record.Error = failure is McpProtocolException protocol ? $"JSON-RPC error {(int)protocol.ErrorCode}" : failure.GetType().Name;
            throw;
        }
        finally
        {
            record.DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await audit.WriteAsync(record, durable: false, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
