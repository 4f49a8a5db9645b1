using System.Diagnostics;
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
/// decision, and writes it when the request ends, whatever the outcome.
/// </summary>
internal static class AuditMessageFilter
{
    public static McpMessageHandler Incoming(McpMessageHandler next) => async (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is not JsonRpcRequest request
            || (context.Services ?? context.Server.Services)?.GetService<AuditLog>() is not { } audit)
        {
            await next(context, cancellationToken).ConfigureAwait(false);
            return;
        }

        var services = context.Services ?? context.Server.Services!;
        var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(context.User);
        var record = new AuditRecord
        {
            RequestId = request.Id.ToString(),
            Method = request.Method,
            SessionId = context.Server.SessionId,
            CorrelationId = Activity.Current?.TraceId.ToString() ?? services.GetService<IHttpContextAccessor>()?.HttpContext?.TraceIdentifier,
            Subject = caller.Subject,
            ClientId = caller.ClientId,
        };

        if (audit.IsFailing && request.Method is not (RequestMethods.Initialize or RequestMethods.Ping)
            && services.GetRequiredService<IOptions<AuditOptions>>().Value.FailClosedReads)
        {
            // FailClosedReads: nothing is served while its record could be lost. This record still goes to the
            // writer: once one is written, the audit log works again and requests are served.
            record.Outcome = "refused";
            record.Error = "audit unavailable";
            await audit.WriteAsync(record, durable: false, CancellationToken.None).ConfigureAwait(false);
            throw new McpProtocolException(AuditUnavailableException.RequestRefused, McpErrorCode.InternalError);
        }

        var started = Stopwatch.GetTimestamp();
        using var scope = AuditScope.Begin(record);
        try
        {
            await next(context, cancellationToken).ConfigureAwait(false);
            record.Outcome ??= "ok";
        }
        catch (Exception failure)
        {
            record.Outcome = "failed";
            record.Error = failure is McpProtocolException protocol ? $"JSON-RPC error {(int)protocol.ErrorCode}" : failure.GetType().Name;
            throw;
        }
        finally
        {
            record.DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await audit.WriteAsync(record, durable: false, CancellationToken.None).ConfigureAwait(false);
        }
    };
}
