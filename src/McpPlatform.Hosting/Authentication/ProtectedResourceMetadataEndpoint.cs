using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Authentication;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// The RFC 9728 protected resource metadata of one MCP endpoint, at <c>/.well-known/oauth-protected-resource{path}</c> (the
/// path-suffixed URL clients derive from the MCP URL, and the one challenges name) and, for the main endpoint, also at
/// <c>/.well-known/oauth-protected-resource</c> (where older clients look): the resource URI, the issuer,
/// the scopes the policy uses, bearer tokens in the header only. A mapped endpoint (not the SDK's authentication
/// request handler) so it needs no scheme of its own and endpoint conventions such as CORS reach it; anonymous,
/// because it is what a client without a token reads to find out where to get one.
/// </summary>
internal static class ProtectedResourceMetadataEndpoint
{
    /// <summary>Maps the metadata of the MCP endpoint at <paramref name="mcpPath"/> at <paramref name="metadataPath"/>.</summary>
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string mcpPath, string metadataPath)
    {
        var services = endpoints.ServiceProvider;
        var settings = services.GetRequiredService<IOptions<ResourceServerOptions>>().Value;
        var platform = services.GetRequiredService<IOptions<McpPlatformOptions>>().Value;
        var scopes = services.GetRequiredService<IOptions<PolicyOptions>>().Value;
        var embedded = EmbeddedAuthorizationServer.IsRunning(services);
        var template = new ProtectedResourceMetadata
        {
            AuthorizationServers = [settings.Authority is { Length: > 0 } authority ? authority : DevelopmentIssuer.IssuerName],
            ScopesSupported = [scopes.ReadScope, scopes.WriteScope, scopes.DestructiveScope],
            BearerMethodsSupported = ["header"],
            ResourceName = ServerIdentity.Describe(platform).Name,
        };

        // The SDK's serializer settings, so the document reads exactly as the SDK's own handler writes it.
        var json = McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ProtectedResourceMetadata));
        return endpoints.Map(metadataPath, context =>
            {
                var metadata = template.Clone(ResourceUri.ForPath(context.Request, settings, platform, mcpPath));
                if (embedded)
                {
                    // The embedded development authorization server answers at this server's origin: clients sign in there.
                    metadata.AuthorizationServers = [EmbeddedAuthorizationServer.IssuerFor(context.Request, settings)];
                }

                return Results.Json(metadata, json).ExecuteAsync(context);
            })
            .AllowAnonymous();
    }
}
