using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Server.AspNetCore;

namespace McpPlatform.Hosting.Authentication.AuthorizationServer;

/// <summary>
/// Keeps the embedded development authorization server out of MCP requests. The authentication middleware hands every
/// request to each scheme that handles requests, and OpenIddict's builds a transaction and runs its request pipeline
/// to find out that an MCP call is none of its endpoints: about 4 KB and a tenth of an authenticated tools/call's CPU
/// (eng/bench). A request routed to a governed MCP endpoint (<see cref="McpResourcePath"/> metadata) gets no OpenIddict
/// handler, so the middleware skips it; every other request, OpenIddict's own URLs included, is handled as before.
/// </summary>
internal sealed class McpRequestsSkipAuthorizationServer(AuthenticationHandlerProvider inner) : IAuthenticationHandlerProvider
{
    public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme) =>
        string.Equals(authenticationScheme, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, StringComparison.Ordinal)
        && context.GetEndpoint()?.Metadata.GetMetadata<McpResourcePath>() is not null
            ? Task.FromResult<IAuthenticationHandler?>(null)
            : inner.GetHandlerAsync(context, authenticationScheme);
}
