using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// The 401 and 403 answers of the MCP authorization spec: <c>WWW-Authenticate: Bearer</c> with
/// <c>resource_metadata</c> (RFC 9728) so clients can discover the authorization server, and
/// on a missing scope <c>error="insufficient_scope"</c> with the scope needed. Descriptions are
/// fixed texts: nothing from the token is echoed.
/// </summary>
internal static class BearerChallenge
{
    public const string ResourceMetadataPath = "/.well-known/oauth-protected-resource";

    public static string ResourceMetadataUrl(HttpRequest request)
    {
        var services = request.HttpContext.RequestServices;
        return ResourceUri.MetadataUrl(
            request,
            services.GetRequiredService<IOptions<ResourceServerOptions>>().Value,
            services.GetRequiredService<IOptions<McpPlatformOptions>>().Value,
            ResourceMetadataPath);
    }

    public static async Task WriteUnauthorizedAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var description = Describe(context.AuthenticateFailure);
        var header = $"Bearer resource_metadata=\"{ResourceMetadataUrl(context.Request)}\"";
        if (description is not null)
        {
            header += $", error=\"invalid_token\", error_description=\"{description}\"";
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.Append(HeaderNames.WWWAuthenticate, header);
        await WriteJsonRpcErrorAsync(context.Response, description is null
            ? "Unauthorized: this MCP server needs an OAuth access token (see the WWW-Authenticate header)."
            : $"Unauthorized: {description}.");
    }

    public static async Task WriteInsufficientScopeAsync(HttpContext context, IReadOnlyCollection<string> scopes)
    {
        var scope = string.Join(' ', scopes);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.Append(
            HeaderNames.WWWAuthenticate,
            $"Bearer error=\"insufficient_scope\", scope=\"{scope}\", resource_metadata=\"{ResourceMetadataUrl(context.Request)}\", error_description=\"The token lacks the scope {scope}\"");
        await WriteJsonRpcErrorAsync(context.Response, $"Forbidden: the access token lacks the scope '{scope}'.");
    }

    private static Task WriteJsonRpcErrorAsync(HttpResponse response, string message) =>
        response.WriteAsJsonAsync(new { jsonrpc = "2.0", id = (object?)null, error = new { code = -32001, message } });

    private static string? Describe(Exception? failure) => failure switch
    {
        null => null,
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token's audience is not this server's resource URI",
        SecurityTokenInvalidIssuerException => "the token was not issued by the trusted issuer",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not allowed",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed with an unknown key",
        SecurityTokenInvalidSignatureException => "the token's signature is not valid",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenInvalidTypeException => "the token is not an access token (typ)",
        _ => "the token is not valid",
    };
}
