using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Policy;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpPlatform.Hosting.Authentication.AuthorizationServer;

/// <summary>
/// OAuth 2.0 Dynamic Client Registration (RFC 7591), which OpenIddict does not offer: the client metadata is checked here
/// and the client is created with OpenIddict's application manager, which then enforces it (exact redirect URIs, PKCE
/// required, only the code and refresh-token grants). Open registration, as MCP clients expect; the consent page is what
/// stands between a registered client and a token. Registered clients live in memory, at most
/// <see cref="DevelopmentAuthorizationServerOptions.MaxRegisteredClients"/> of them.
/// </summary>
internal static class ClientRegistrationEndpoint
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxRedirectUris = 10;
    private const int MaxNameLength = 200;

    /// <summary>Adds <c>registration_endpoint</c> to the RFC 8414 metadata OpenIddict writes.</summary>
    public static ValueTask AdvertiseAsync(OpenIddictServerEvents.HandleConfigurationRequestContext context)
    {
        if (context.Transaction.GetHttpRequest() is { } request)
        {
            context.Metadata["registration_endpoint"] = $"{request.Scheme}://{request.Host}{request.PathBase}{DevelopmentAuthorizationServer.RegistrationPath}";
        }

        return ValueTask.CompletedTask;
    }

    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Error("invalid_client_metadata", $"The registration request is larger than {MaxBodyBytes} bytes.");
        }

        ClientMetadata metadata;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            metadata = ClientMetadata.Read(document.RootElement);
        }
        catch (JsonException)
        {
            return Error("invalid_client_metadata", "The registration request must be a JSON object (RFC 7591).");
        }
        catch (RegistrationException refused)
        {
            return Error(refused.Code, refused.Message);
        }

        var services = context.RequestServices;
        var manager = services.GetRequiredService<IOpenIddictApplicationManager>();
        var limit = services.GetRequiredService<IOptions<ResourceServerOptions>>().Value.DevelopmentAuthorizationServer.MaxRegisteredClients;
        if (await manager.CountAsync(context.RequestAborted) >= limit)
        {
            return Error("invalid_client_metadata", $"This development authorization server keeps at most {limit} clients; restart it to register more.");
        }

        var policy = services.GetRequiredService<IOptions<PolicyOptions>>().Value;
        var confidential = metadata.AuthenticationMethod != ClientAuthenticationMethods.None;
        var secret = confidential ? Base64Url(RandomNumberGenerator.GetBytes(32)) : null;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = "dev-" + Base64Url(RandomNumberGenerator.GetBytes(16)),
            ClientSecret = secret,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = metadata.Name,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + policy.ReadScope,
                Permissions.Prefixes.Scope + policy.WriteScope,
                Permissions.Prefixes.Scope + policy.DestructiveScope,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in metadata.RedirectUris)
        {
            descriptor.RedirectUris.Add(uri);
        }

        await manager.CreateAsync(descriptor, context.RequestAborted);
        var issued = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var response = new Dictionary<string, object?>
        {
            ["client_id"] = descriptor.ClientId,
            ["client_id_issued_at"] = issued,
            ["redirect_uris"] = metadata.RedirectUris.Select(u => u.OriginalString).ToArray(),
            ["grant_types"] = new[] { GrantTypes.AuthorizationCode, GrantTypes.RefreshToken },
            ["response_types"] = new[] { ResponseTypes.Code },
            ["token_endpoint_auth_method"] = metadata.AuthenticationMethod,
            ["scope"] = string.Join(' ', policy.ReadScope, policy.WriteScope, policy.DestructiveScope),
        };
        if (metadata.Name is not null)
        {
            response["client_name"] = metadata.Name;
        }

        if (secret is not null)
        {
            response["client_secret"] = secret;
            response["client_secret_expires_at"] = 0;
        }

        return Results.Json(response, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Error(string code, string description) =>
        Results.Json(new { error = code, error_description = description }, statusCode: StatusCodes.Status400BadRequest);

    private static string Base64Url(byte[] bytes) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(bytes);

    /// <summary>The client metadata this server accepts (RFC 7591 section 2), checked.</summary>
    private sealed record ClientMetadata(IReadOnlyList<Uri> RedirectUris, string AuthenticationMethod, string? Name)
    {
        public static ClientMetadata Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RegistrationException("invalid_client_metadata", "The registration request must be a JSON object (RFC 7591).");
            }

            var redirects = Strings(root, "redirect_uris");
            if (redirects.Count is 0 or > MaxRedirectUris)
            {
                throw new RegistrationException("invalid_redirect_uri", $"redirect_uris must list 1 to {MaxRedirectUris} URIs.");
            }

            var uris = redirects.Select(CheckedRedirect).ToArray();
            var method = root.TryGetProperty("token_endpoint_auth_method", out var given) && given.ValueKind == JsonValueKind.String
                ? given.GetString()!
                : ClientAuthenticationMethods.ClientSecretBasic; // the RFC 7591 default
            if (method is not (ClientAuthenticationMethods.None or ClientAuthenticationMethods.ClientSecretBasic or ClientAuthenticationMethods.ClientSecretPost))
            {
                throw new RegistrationException("invalid_client_metadata", "token_endpoint_auth_method must be none, client_secret_basic or client_secret_post.");
            }

            var grants = Strings(root, "grant_types");
            if (grants.Any(g => g is not (GrantTypes.AuthorizationCode or GrantTypes.RefreshToken)))
            {
                throw new RegistrationException("invalid_client_metadata", "grant_types may only be authorization_code and refresh_token (OAuth 2.1 with PKCE).");
            }

            if (Strings(root, "response_types").Any(r => r != ResponseTypes.Code))
            {
                throw new RegistrationException("invalid_client_metadata", "response_types may only be code.");
            }

            var name = root.TryGetProperty("client_name", out var named) && named.ValueKind == JsonValueKind.String ? named.GetString() : null;
            if (name is { Length: > MaxNameLength })
            {
                throw new RegistrationException("invalid_client_metadata", $"client_name is longer than {MaxNameLength} characters.");
            }

            return new ClientMetadata(uris, method, name);
        }

        private static List<string> Strings(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                throw new RegistrationException("invalid_client_metadata", $"{name} must be an array of strings.");
            }

            return [.. value.EnumerateArray().Select(e => e.GetString()!)];
        }

        // OAuth 2.1 / RFC 8252: https, http only on a loopback host, or a private-use scheme of a native app (vscode://...).
        private static Uri CheckedRedirect(string value)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0)
            {
                throw new RegistrationException("invalid_redirect_uri", "Each redirect URI must be absolute and without a fragment.");
            }

            var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
            var allowed = uri.Scheme switch
            {
                "https" => true,
                "http" => loopback,
                "javascript" or "data" or "file" or "vbscript" or "about" or "blob" or "ws" or "wss" or "ftp" => false,
                _ => uri.Scheme.Contains('.', StringComparison.Ordinal) || uri.Scheme.Length >= 3, // private-use scheme
            };
            return allowed
                ? uri
                : throw new RegistrationException("invalid_redirect_uri", "A redirect URI must use https, http on a loopback address, or an app's own scheme.");
        }
    }

    private sealed class RegistrationException(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }
}
