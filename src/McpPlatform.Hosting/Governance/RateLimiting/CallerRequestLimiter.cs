using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace McpPlatform.Hosting.Governance.RateLimiting;

/// <summary>
/// Wraps the MCP endpoint: each POST (one MCP message) takes a token from the caller's bucket;
/// an empty bucket answers HTTP 429 with Retry-After before the SDK parses anything. Runs after
/// authentication, so the caller is known; unauthenticated callers count per client address.
/// </summary>
internal static class CallerRequestLimiter
{
    public static RequestDelegate Wrap(RequestDelegate inner, bool enabled) => !enabled ? inner : context =>
        HttpMethods.IsPost(context.Request.Method) ? LimitAsync(context, inner) : inner(context);

    private static async Task LimitAsync(HttpContext context, RequestDelegate inner)
    {
        var caller = context.RequestServices.GetRequiredService<CallerIdentityResolver>().Resolve(context.User);
        var key = caller.IsAuthenticated ? CallerPartition.Key(caller) : "ip:" + context.Connection.RemoteIpAddress;
        using var lease = await context.RequestServices.GetRequiredService<CallerRateLimits>().AcquireRequestAsync(key, context.RequestAborted);
        if (lease.IsAcquired)
        {
            await inner(context);
            return;
        }

        var retryAfter = CallerRateLimits.RetryAfterSeconds(lease);
        // An unreachable shared limit store (fleet on Redis, reads refused) is the server's trouble, not the caller's: 503.
        var unavailable = CallerRateLimits.IsUnavailable(lease);
        McpPlatform.Governance.Telemetry.PlatformTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>("mcpplatform.limit", unavailable ? "shared-store-unavailable" : "request"));
        context.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;
        if (retryAfter is { } seconds)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsJsonAsync(new
        {
            jsonrpc = "2.0",
            id = (object?)null,
            error = new
            {
                code = -32000,
                message = (unavailable ? "Refused: the shared limit store (McpPlatform:Redis) is unavailable." : "Rate limited: too many requests from this caller.")
                    + (retryAfter is null ? string.Empty : $" Retry after {retryAfter} s."),
            },
        });
    }
}
