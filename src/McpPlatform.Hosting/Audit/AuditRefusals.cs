using McpPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Audit;

/// <summary>
/// Audits requests to the MCP endpoint that were refused before reaching the MCP server: no or
/// bad token (401), missing scope or foreign Host/Origin (403), spent request budget (429).
/// </summary>
internal sealed class AuditRefusals(RequestDelegate next, IOptions<McpPlatformOptions> platform)
{
    private readonly PathString _mcpPath = platform.Value.Path;

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var status = context.Response.StatusCode;
        if (status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests)
            || !context.Request.Path.StartsWithSegments(_mcpPath)
            || context.RequestServices.GetService<AuditLog>() is not { } audit)
        {
            return;
        }

        var caller = context.RequestServices.GetRequiredService<CallerIdentityResolver>().Resolve(context.User);
        await audit.WriteAsync(
            new AuditRecord
            {
                Kind = AuditRecord.RefusedKind,
                CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
                Method = $"HTTP {context.Request.Method}",
                Subject = caller.IsAuthenticated ? caller.Subject : null,
                ClientId = caller.ClientId,
                Outcome = "refused",
                Decision = "denied",
                Rule = status switch
                {
                    StatusCodes.Status401Unauthorized => "authentication",
                    StatusCodes.Status429TooManyRequests => "rate-limit",
                    _ => context.Response.Headers.WWWAuthenticate.ToString().Contains("insufficient_scope", StringComparison.Ordinal) ? "insufficient-scope" : "host-origin",
                },
                Error = $"HTTP {status}",
            },
            durable: false);
    }
}
