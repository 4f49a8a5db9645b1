using System.Globalization;
using McpPlatform.Governance;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace McpPlatform.Hosting;

/// <summary>
/// Wraps the MCP endpoint: a request body over <see cref="McpPlatformOptions.MaxRequestBodyBytes"/> is
/// answered HTTP 413 with a JSON-RPC error. A declared Content-Length over the limit is refused before
/// anything reads the body; a chunked body is cut off by the server (Kestrel's per-request limit) once it
/// passes the limit. Kestrel's own default (30 MB) would let one message hold 30 MB per request.
/// </summary>
internal static class RequestBodyLimit
{
    public static RequestDelegate Wrap(RequestDelegate inner, long maxBytes) => context =>
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return WriteTooLargeAsync(context, maxBytes);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        return InvokeAsync(context, inner, maxBytes);
    };

    private static async Task InvokeAsync(HttpContext context, RequestDelegate inner, long maxBytes)
    {
        try
        {
            await inner(context);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await WriteTooLargeAsync(context, maxBytes);
        }
    }

    private static Task WriteTooLargeAsync(HttpContext context, long maxBytes)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.Response.WriteAsJsonAsync(new
        {
            jsonrpc = "2.0",
            id = (object?)null,
            error = new
            {
                code = -32600,
                message = string.Create(CultureInfo.InvariantCulture, $"Request body too large: this server accepts at most {maxBytes} bytes per message."),
            },
        });
    }
}
