using System.Globalization;
using McpPlatform.Governance;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace McpPlatform.Hosting.Audit;

/// <summary>
/// Audits every answer of the MCP endpoint that is not a success, whoever gave it: no or bad token
/// (401), missing scope or foreign Host/Origin (403), spent request budget (429), a body over the
/// limit (413), and the transport's own refusals (400 malformed JSON-RPC, 404 unknown session, 405,
/// 406 missing Accept, 415 wrong Content-Type, ...). Refusals are counted per client address first
/// (<see cref="RefusalLimiter"/>): an address past its limit is answered 429 before anything else
/// runs, and its refusals are summarised instead of written one by one.
/// </summary>
internal sealed class AuditRefusals(RequestDelegate next, IOptions<McpPlatformOptions> platform, IServiceProvider services)
{
    private readonly PathString _mcpPath = platform.Value.Path;

    // Null when the audit log is off (then nothing is counted or written).
    private readonly RefusalLimiter? _limiter = services.GetService<RefusalLimiter>();

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(_mcpPath) || _limiter is not { } limiter)
        {
            await next(context);
            return;
        }

        // Nobody refused lately (the normal state): nothing to look up before the request runs.
        if (!limiter.IsQuiet)
        {
            var check = limiter.Check(RefusalSource.Of(context.Connection.RemoteIpAddress));
            if (check.Summary is not null)
            {
                await limiter.WriteAsync(check.Summary);
            }

            if (check.Limited)
            {
                await WriteTooManyRefusalsAsync(context, check.RetryAfter);
                return;
            }
        }

        await next(context);
        var status = context.Response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return;
        }

        if (context.Items.ContainsKey(AuditedKey))
        {
            return; // the refusal wrote its own, fuller record (ScopeStepUp)
        }

        var admitted = limiter.Admit(RefusalSource.Of(context.Connection.RemoteIpAddress));
        if (admitted.Summary is not null)
        {
            await limiter.WriteAsync(admitted.Summary);
        }

        if (admitted.Limited || context.RequestServices.GetService<AuditLog>() is not { } audit)
        {
            return; // counted for the window's summary instead
        }

        var caller = context.RequestServices.GetRequiredService<CallerIdentityResolver>().Resolve(context.User);
        await audit.WriteAsync(
            new AuditRecord
            {
                Kind = AuditRecord.RefusedKind,
                CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
                Method = "HTTP " + audit.Limits.Field(context.Request.Method),
                Subject = caller.IsAuthenticated ? audit.Limits.Field(caller.Subject) : null,
                ClientId = audit.Limits.Field(caller.ClientId),
                Outcome = status >= 500 ? AuditOutcomes.Failed : AuditOutcomes.Refused,
                Decision = status >= 500 ? null : AuditDecisions.Denied,
                Rule = RuleOf(context, status),
                Error = "HTTP " + status.ToString(CultureInfo.InvariantCulture),
            },
            durable: false);
    }

    private static readonly object AuditedKey = new();

    /// <summary>Tells this middleware that the refusal of <paramref name="context"/>'s request has its audit record already.</summary>
    public static void MarkAudited(HttpContext context) => context.Items[AuditedKey] = true;

    /// <summary>What refused the request, by its status.</summary>
    private static string RuleOf(HttpContext context, int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad-request",
        StatusCodes.Status401Unauthorized => "authentication",
        StatusCodes.Status403Forbidden => context.Response.Headers.WWWAuthenticate.ToString().Contains("insufficient_scope", StringComparison.Ordinal) ? "insufficient-scope" : "host-origin",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status406NotAcceptable => "not-acceptable",
        StatusCodes.Status413PayloadTooLarge => "body-too-large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
        StatusCodes.Status429TooManyRequests => "rate-limit",
        >= 500 => "server-error",
        _ => "http-" + status.ToString(CultureInfo.InvariantCulture),
    };

    private static Task WriteTooManyRefusalsAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        return context.Response.WriteAsJsonAsync(new
        {
            jsonrpc = "2.0",
            id = (object?)null,
            error = new { code = -32000, message = $"Too many refused requests from this address. Retry after {seconds} s." },
        });
    }
}
