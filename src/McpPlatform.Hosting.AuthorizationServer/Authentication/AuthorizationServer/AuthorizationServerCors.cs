using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace McpPlatform.Hosting.Authentication.AuthorizationServer;

/// <summary>
/// Lets browser-based clients (MCP Inspector's page) run the OAuth flow against the embedded development server: its
/// metadata, registration, token and key endpoints and the resource metadata answer cross-origin requests with
/// <c>Access-Control-Allow-Origin: *</c> and no credentials (no cookie is read there; tokens are bound to PKCE).
/// The consent page is not listed: a browser navigates to it, and it keeps its antiforgery cookie same-origin.
/// </summary>
internal sealed class AuthorizationServerCors : IStartupFilter
{
    private static readonly PathString[] Paths =
    [
        DevelopmentAuthorizationServer.MetadataPath,
        "/.well-known/openid-configuration",
        DevelopmentAuthorizationServer.RegistrationPath,
        DevelopmentAuthorizationServer.TokenPath,
        DevelopmentAuthorizationServer.KeysPath,
        BearerChallenge.ResourceMetadataPath,
    ];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.Origin.Count == 0 || !Paths.Any(path => context.Request.Path.StartsWithSegments(path)))
            {
                return following(context);
            }

            context.Response.Headers.AccessControlAllowOrigin = "*";
            if (HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
                context.Response.Headers.AccessControlAllowHeaders = "Content-Type, Authorization, MCP-Protocol-Version";
                context.Response.Headers.AccessControlMaxAge = "600";
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            }

            return following(context);
        });
        next(app);
    };
}
