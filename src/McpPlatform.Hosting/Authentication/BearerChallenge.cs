using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Policy;
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

    /// <summary>
    /// The RFC 9728 metadata URL of the MCP endpoint the request came in on: <c>/.well-known/oauth-protected-resource</c>
    /// followed by the endpoint's path (<c>/mcp</c>, or a portal audience's path).
    /// </summary>
    public static string ResourceMetadataUrl(HttpRequest request)
    {
        var services = request.HttpContext.RequestServices;
        var platform = services.GetRequiredService<IOptions<McpPlatformOptions>>().Value;
        return ResourceUri.MetadataUrl(
            request,
            services.GetRequiredService<IOptions<ResourceServerOptions>>().Value,
            platform,
            MetadataPathFor(ResourceUri.EndpointPath(request, platform)));
    }

    /// <summary>Where the metadata of the MCP endpoint at <paramref name="mcpPath"/> is served (RFC 9728 section 3.1).</summary>
    public static string MetadataPathFor(string mcpPath) => ResourceMetadataPath + "/" + mcpPath.Trim('/');

    public static async Task WriteUnauthorizedAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var description = Describe(context.AuthenticateFailure);
        // scope: what a new client should ask for first (MCP scope selection); more comes by step-up on a 403.
        var readScope = context.HttpContext.RequestServices.GetRequiredService<IOptions<PolicyOptions>>().Value.ReadScope;
        var header = $"Bearer resource_metadata=\"{ResourceMetadataUrl(context.Request)}\", scope=\"{readScope}\"";
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

    /// <summary>
    /// HTTP 403 <c>insufficient_scope</c> naming <paramref name="scopes"/>: every scope the request needs, so a client
    /// re-authorizing with exactly that list gets a token that passes (MCP scope step-up).
    /// </summary>
    public static async Task WriteInsufficientScopeAsync(
        HttpContext context, IReadOnlyCollection<string> scopes, System.Text.Json.JsonElement? requestId = null, string? message = null)
    {
        var scope = string.Join(' ', scopes);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.Append(
            HeaderNames.WWWAuthenticate,
            $"Bearer error=\"insufficient_scope\", scope=\"{scope}\", resource_metadata=\"{ResourceMetadataUrl(context.Request)}\", error_description=\"The token lacks a scope this request needs\"");
        await WriteJsonRpcErrorAsync(context.Response, message ?? $"Forbidden: the access token lacks the scope '{scope}'.", requestId);
    }

    private static Task WriteJsonRpcErrorAsync(HttpResponse response, string message, System.Text.Json.JsonElement? requestId = null) =>
        response.WriteAsJsonAsync(new { jsonrpc = "2.0", id = (object?)requestId, error = new { code = -32001, message } });

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
