using System.Net;

namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// Notices that an HTTP upstream no longer knows the portal's session (it restarted, or expired the session): a request
/// carrying <c>Mcp-Session-Id</c> answered 404, as the specification says, or 400, as some servers do. The SDK reports
/// either as an ordinary JSON-RPC error, so without this the portal would keep using a dead session.
/// </summary>
internal sealed class SessionRejectedHandler(Action<string> rejected) : DelegatingHandler
{
    private const string SessionHeader = "Mcp-Session-Id";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // DELETE ends a session on purpose; its answer says nothing about the one in use.
        if (request.Method != HttpMethod.Delete &&
            response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest &&
            request.Headers.TryGetValues(SessionHeader, out var sessions) && sessions.FirstOrDefault() is { Length: > 0 } session)
        {
            rejected(session);
        }

        return response;
    }
}
