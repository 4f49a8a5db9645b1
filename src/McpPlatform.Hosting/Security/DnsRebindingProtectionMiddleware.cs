using McpPlatform.Governance;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Security;

/// <summary>
/// Refuses requests whose Host or Origin does not name this server (DNS rebinding: a web page
/// on evil.example.com resolving to 127.0.0.1). ASP.NET Core's AllowedHosts checks Host only
/// and the MCP SDK checks neither, so both are checked here. The health probe is exempt
/// because orchestrators call it by pod IP.
/// </summary>
internal sealed partial class DnsRebindingProtectionMiddleware(
    RequestDelegate next, IOptions<McpPlatformOptions> options, ILogger<DnsRebindingProtectionMiddleware> logger)
{
    private readonly HostOriginPolicy _policy = new(options.Value.AllowedHosts, options.Value.AllowedOrigins);
    private readonly PathString _healthPath = options.Value.HealthPath;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(_healthPath))
        {
            return next(context);
        }

        var host = context.Request.Headers.Host.ToString();
        if (!_policy.IsHostAllowed(host))
        {
            LogRejected(logger, "Host", host);
            return RejectAsync(context, "Host header is not an allowed host name for this server.");
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (!_policy.IsOriginAllowed(origin))
        {
            LogRejected(logger, "Origin", origin);
            return RejectAsync(context, "Origin is not allowed to call this server.");
        }

        return next(context);
    }

    // A JSON-RPC shaped body so MCP clients surface the reason; the offending value is only logged.
    private static Task RejectAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsJsonAsync(new
        {
            jsonrpc = "2.0",
            id = (object?)null,
            error = new { code = -32000, message = "Forbidden: " + message },
        });
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Rejected request: {Header} '{Value}' is not allowed (DNS rebinding protection). Configure McpPlatform:AllowedHosts / AllowedOrigins.")]
    private static partial void LogRejected(ILogger logger, string header, string value);
}
