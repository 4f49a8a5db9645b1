using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Policy;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpPlatform.Hosting.Authentication.AuthorizationServer;

/// <summary>
/// The embedded development authorization server: OpenIddict's server (RFC 8414 metadata, authorization code with PKCE
/// S256 only, refresh tokens, RFC 8707 resource indicators) on an in-memory store, signing with the development issuer's
/// key so its access tokens are the kind <c>mcp-platform dev-token</c> mints. Around it only what OpenIddict does not
/// offer: the sign-in and consent page (<see cref="ConsentPage"/>), dynamic client registration on OpenIddict's
/// application manager (<see cref="ClientRegistrationEndpoint"/>), and which resources may be asked for
/// (<see cref="ResourceIndicators"/>).
/// </summary>
internal static class DevelopmentAuthorizationServer
{
    public const string AuthorizationPath = "/oauth/authorize";
    public const string TokenPath = "/oauth/token";
    public const string RegistrationPath = "/oauth/register";
    public const string KeysPath = "/oauth/jwks";
    public const string MetadataPath = "/.well-known/oauth-authorization-server";

    /// <summary>Registers it when the settings and environment turn it on; otherwise nothing (its URLs answer 404).</summary>
    public static bool Add(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(ResourceServerOptions.SectionName).Get<ResourceServerOptions>() ?? new ResourceServerOptions();
        if (!DevelopmentIssuerSelection.IsAuthorizationServerEnabled(settings, environment))
        {
            return false;
        }

        var policy = configuration.GetSection(PolicyOptions.SectionName).Get<PolicyOptions>() ?? new PolicyOptions();
        var database = "mcp-platform-dev-authorization-" + Guid.NewGuid().ToString("N"); // one store per server, also in one test process
        services.AddDbContext<AuthorizationStore>(options => options.UseInMemoryDatabase(database).UseOpenIddict());
        services.AddAntiforgery();
        services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, AuthorizationServerCors>();
        services.AddScoped<AuthenticationHandlerProvider>();
        services.Replace(ServiceDescriptor.Scoped<IAuthenticationHandlerProvider, McpRequestsSkipAuthorizationServer>());
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, SigningWithDevelopmentKey>();
        ClientMetadataDocuments.AddHttpClient(services);
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AuthorizationStore>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizationPath.TrimStart('/'))
                    .SetTokenEndpointUris(TokenPath.TrimStart('/'))
                    .SetJsonWebKeySetEndpointUris(KeysPath.TrimStart('/'))
                    .SetConfigurationEndpointUris(MetadataPath.TrimStart('/'), ".well-known/openid-configuration");
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(policy.ReadScope, policy.WriteScope, policy.DestructiveScope, Scopes.OfflineAccess);

                // Access tokens are read by this server's JWT bearer handler, as the development issuer's are: signed, not encrypted.
                server.DisableAccessTokenEncryption();
                // Codes and refresh tokens (read only by this server): encrypted with a key that dies with the process. A
                // random AES-256 key, not AddEphemeralEncryptionKey's RSA key: generating that one was most of the
                // first request's CPU on the 2-core machine (docs/benchmarks.md, time to first call).
                server.AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));

                // RFC 8707: which resources a client may ask for depends on the request (ResourceIndicators), not a fixed list.
                server.DisableResourceValidation();
                server.IgnoreResourcePermissions();
                server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler
                    .UseInlineHandler(ResourceIndicators.ValidateAsync)
                    .SetOrder(int.MaxValue - 100));
                server.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(handler => handler
                    .UseInlineHandler(ClientRegistrationEndpoint.AdvertiseAsync));

                // Client ID Metadata Documents: an https client_id is fetched and registered before OpenIddict looks the client up.
                server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler
                    .UseInlineHandler(ClientMetadataDocuments.RegisterAsync)
                    .SetOrder(int.MinValue + 100_000));
                server.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(handler => handler
                    .UseInlineHandler(ClientMetadataDocuments.AdvertiseAsync));

                // OAuth 2.1: S256 only; "plain" is refused (OpenIddict offers both by default).
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                if (settings.DevelopmentAuthorizationServer.Issuer is { Length: > 0 } issuer)
                {
                    server.SetIssuer(new Uri(issuer, UriKind.Absolute));
                }

                var aspNetCore = server.UseAspNetCore().EnableAuthorizationEndpointPassthrough();
                if (environment.IsDevelopment())
                {
                    aspNetCore.DisableTransportSecurityRequirement(); // http://127.0.0.1 in Development; HTTPS elsewhere
                }
            });
        return true;
    }

    /// <summary>Maps the consent page and the registration endpoint (OpenIddict answers the rest from its middleware); called only when <see cref="Add"/> registered it.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(AuthorizationPath, ["GET", "POST"], (Delegate)ConsentPage.HandleAsync).AllowAnonymous();
        endpoints.MapPost(RegistrationPath, (Delegate)ClientRegistrationEndpoint.HandleAsync).AllowAnonymous();
    }

    /// <summary>Signs with the development issuer's key (the key file), so tokens validate as <c>mcp-platform dev-token</c>'s do.</summary>
    private sealed class SigningWithDevelopmentKey(DevelopmentIssuerSelection selection) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            var issuer = selection.Issuer ?? throw new InvalidOperationException(
                "The development authorization server needs the development issuer's key, but the development issuer is not trusted.");
            options.SigningCredentials.Insert(0, issuer.SigningCredentials);
        }
    }
}
