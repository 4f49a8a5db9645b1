using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Policy;
using Microsoft.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpPlatform.Hosting.Authentication.AuthorizationServer;

/// <summary>
/// OAuth Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document, MCP 2025-11-25 authorization):
/// a client_id that is an https URL names a JSON document describing the client. OpenIddict has no such thing, so before
/// its own validation of an authorization request this handler fetches the document (the <see cref="HttpClientName"/>
/// client: 5 s, 5 KB, no redirects, JSON only), checks that its client_id is the URL and that the request's redirect_uri is
/// listed, and creates or updates a public client (PKCE required) with that id through OpenIddict's application manager;
/// OpenIddict then enforces it as any registered client, and the token request finds the client already there.
/// </summary>
internal static class ClientMetadataDocuments
{
    /// <summary>The named HttpClient that fetches documents; tests may set its primary handler (to trust a test certificate).</summary>
    public const string HttpClientName = "McpPlatform.ClientMetadataDocuments";

    public const int MaxDocumentBytes = 5 * 1024;
    private const int MaxRedirectUris = 10;
    private const int MaxNameLength = 200;

    /// <summary>Registers the named HttpClient: bounded time, redirects not followed (whatever primary handler is set).</summary>
    public static void AddHttpClient(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(5);
                client.MaxResponseContentBufferSize = MaxDocumentBytes;
            })
            .ConfigurePrimaryHttpMessageHandler((handler, _) =>
            {
                // The document must be at the client_id URL itself: a redirect would let another URL speak for it.
                switch (handler)
                {
                    case SocketsHttpHandler sockets:
                        sockets.AllowAutoRedirect = false;
                        break;
                    case HttpClientHandler classic:
                        classic.AllowAutoRedirect = false;
                        break;
                }
            });

    /// <summary>Adds <c>client_id_metadata_document_supported: true</c> to the RFC 8414 metadata.</summary>
    public static ValueTask AdvertiseAsync(OpenIddictServerEvents.HandleConfigurationRequestContext context)
    {
        context.Metadata["client_id_metadata_document_supported"] = true;
        return ValueTask.CompletedTask;
    }

    /// <summary>Whether a client_id is a metadata document URL: https with a path (the draft's requirement).</summary>
    public static bool IsDocumentUrl(string? clientId, out Uri url)
    {
        url = null!;
        return clientId is { Length: > 0 }
            && Uri.TryCreate(clientId, UriKind.Absolute, out url!)
            && url.Scheme == Uri.UriSchemeHttps
            && url.AbsolutePath.Length > 1
            && url.Fragment.Length == 0
            && string.IsNullOrEmpty(url.UserInfo);
    }

    /// <summary>Before OpenIddict validates the authorization request: fetches, checks and registers the client.</summary>
    public static async ValueTask RegisterAsync(OpenIddictServerEvents.ValidateAuthorizationRequestContext context)
    {
        if (!IsDocumentUrl(context.Request.ClientId, out var url) || context.Transaction.GetHttpRequest() is not { } request)
        {
            return;
        }

        var services = request.HttpContext.RequestServices;
        var aborted = request.HttpContext.RequestAborted;
        Document document;
        try
        {
            document = await FetchAsync(services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), url, aborted);
        }
        catch (DocumentException refused)
        {
            context.Reject(error: Errors.InvalidClient, description: $"The client metadata document {url.AbsoluteUri} is refused: {refused.Message}");
            return;
        }

        if (context.Request.RedirectUri is not { Length: > 0 } redirect || !document.RedirectUris.Contains(redirect, StringComparer.Ordinal))
        {
            context.Reject(error: Errors.InvalidRequest, description: $"The redirect_uri is not one of the redirect_uris listed by the client metadata document {url.AbsoluteUri}.");
            return;
        }

        var manager = services.GetRequiredService<IOpenIddictApplicationManager>();
        var existing = await manager.FindByClientIdAsync(url.AbsoluteUri, aborted);
        if (existing is null)
        {
            var limit = services.GetRequiredService<IOptions<ResourceServerOptions>>().Value.DevelopmentAuthorizationServer.MaxRegisteredClients;
            if (await manager.CountAsync(aborted) >= limit)
            {
                context.Reject(error: Errors.InvalidClient, description: $"This development authorization server keeps at most {limit} clients; restart it to add more.");
                return;
            }
        }

        var descriptor = Describe(url, document, services.GetRequiredService<IOptions<PolicyOptions>>().Value);
        if (existing is null)
        {
            await manager.CreateAsync(descriptor, aborted);
        }
        else
        {
            await manager.UpdateAsync(existing, descriptor, aborted); // the document may have changed since the last request
        }
    }

    private static OpenIddictApplicationDescriptor Describe(Uri url, Document document, PolicyOptions policy)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = url.AbsoluteUri,
            ClientType = ClientTypes.Public, // a document cannot hold a secret; only "none" is accepted below
            ConsentType = ConsentTypes.Explicit,
            DisplayName = document.Name,
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
        foreach (var uri in document.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        return descriptor;
    }

    private static async Task<Document> FetchAsync(HttpClient http, Uri url, CancellationToken aborted)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        byte[] body;
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, aborted);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new DocumentException($"it answered {(int)response.StatusCode} (redirects are not followed).");
            }

            if (response.Content.Headers.ContentType?.MediaType is not { } type
                || !(type == "application/json" || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
            {
                throw new DocumentException("it is not JSON (Content-Type must be application/json).");
            }

            if (response.Content.Headers.ContentLength > MaxDocumentBytes)
            {
                throw new DocumentException($"it is larger than {MaxDocumentBytes} bytes.");
            }

            body = await ReadBoundedAsync(response.Content, aborted);
        }
        catch (HttpRequestException failed)
        {
            throw new DocumentException($"it could not be fetched ({failed.HttpRequestError}).");
        }
        catch (TaskCanceledException) when (!aborted.IsCancellationRequested)
        {
            throw new DocumentException("it did not answer in time.");
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return Document.Read(json.RootElement, url);
        }
        catch (JsonException)
        {
            throw new DocumentException("it is not a JSON object.");
        }
    }

    // Content-Length may be absent (chunked): count while reading and stop one byte past the cap.
    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken aborted)
    {
        await using var stream = await content.ReadAsStreamAsync(aborted);
        var buffer = new byte[MaxDocumentBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), aborted)) > 0)
        {
            total += read;
        }

        return total > MaxDocumentBytes
            ? throw new DocumentException($"it is larger than {MaxDocumentBytes} bytes.")
            : buffer[..total];
    }

    /// <summary>What this server takes from a document (the RFC 7591 client metadata fields it uses), checked.</summary>
    private sealed record Document(IReadOnlyList<string> RedirectUris, string? Name)
    {
        public static Document Read(JsonElement root, Uri url)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DocumentException("it is not a JSON object.");
            }

            var clientId = root.TryGetProperty("client_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            if (!string.Equals(clientId, url.AbsoluteUri, StringComparison.Ordinal) && !string.Equals(clientId, url.OriginalString, StringComparison.Ordinal))
            {
                throw new DocumentException("its client_id is not the URL it was fetched from.");
            }

            if (root.TryGetProperty("token_endpoint_auth_method", out var method) && method.ValueKind == JsonValueKind.String
                && method.GetString() != ClientAuthenticationMethods.None)
            {
                throw new DocumentException("token_endpoint_auth_method may only be none (a public client with PKCE).");
            }

            if (root.TryGetProperty("client_secret", out _) || root.TryGetProperty("client_secret_expires_at", out _))
            {
                throw new DocumentException("a client metadata document must not carry a client secret.");
            }

            if (!root.TryGetProperty("redirect_uris", out var redirects) || redirects.ValueKind != JsonValueKind.Array
                || redirects.GetArrayLength() is 0 or > MaxRedirectUris
                || redirects.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String || !Uri.TryCreate(r.GetString(), UriKind.Absolute, out var u) || u.Fragment.Length > 0))
            {
                throw new DocumentException($"redirect_uris must list 1 to {MaxRedirectUris} absolute URIs.");
            }

            var name = root.TryGetProperty("client_name", out var named) && named.ValueKind == JsonValueKind.String ? named.GetString() : null;
            if (name is { Length: > MaxNameLength })
            {
                throw new DocumentException($"client_name is longer than {MaxNameLength} characters.");
            }

            return new Document([.. redirects.EnumerateArray().Select(r => r.GetString()!)], name);
        }
    }

    private sealed class DocumentException(string message) : Exception(message);
}
