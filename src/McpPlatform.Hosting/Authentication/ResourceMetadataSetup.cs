using McpPlatform.Governance.Policy;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Authentication;

using McpPlatform.Governance.Authentication;
using McpPlatform.Governance;
namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// The SDK's MCP authentication scheme serves the RFC 9728 protected resource metadata at
/// /.well-known/oauth-protected-resource; this fills it in: the resource URI, the issuer, the
/// scopes the policy uses, bearer tokens in the header only.
/// </summary>
internal sealed class ResourceMetadataSetup(
    IOptions<ResourceServerOptions> resourceServer,
    IOptions<McpPlatformOptions> platform,
    IOptions<PolicyOptions> policy) : IConfigureNamedOptions<McpAuthenticationOptions>
{
    public void Configure(string? name, McpAuthenticationOptions options)
    {
        if (name == McpAuthenticationDefaults.AuthenticationScheme)
        {
            Configure(options);
        }
    }

    public void Configure(McpAuthenticationOptions options)
    {
        var settings = resourceServer.Value;
        var scopes = policy.Value;
        options.ResourceMetadataUri = new Uri(BearerChallenge.ResourceMetadataPath, UriKind.Relative);
        options.ResourceMetadata = new ProtectedResourceMetadata
        {
            AuthorizationServers = [settings.Authority is { Length: > 0 } authority ? authority : DevelopmentIssuer.IssuerName],
            ScopesSupported = [scopes.ReadScope, scopes.WriteScope, scopes.DestructiveScope],
            BearerMethodsSupported = ["header"],
            ResourceName = ServerIdentity.Describe(platform.Value).Name,
        };
        options.Events.OnResourceMetadataRequest = context =>
        {
            context.ResourceMetadata!.Resource = ResourceUri.For(context.Request, settings, platform.Value);
            return Task.CompletedTask;
        };
    }
}
