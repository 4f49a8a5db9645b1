using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// Configures JWT bearer validation from <see cref="ResourceServerOptions"/>: the issuer's keys
/// from OIDC discovery + JWKS (refreshed when a token names an unknown kid) or the development
/// issuer's key; audience = this server's resource URI; an algorithm allow-list; small skew.
/// </summary>
internal sealed class JwtBearerSetup(
    IOptions<ResourceServerOptions> resourceServer,
    IOptions<McpPlatformOptions> platform,
    IHttpContextAccessor httpContext,
    DevelopmentIssuerSelection developmentIssuer,
    ValidatedTokenCache cache,
    IServiceProvider services) : IConfigureNamedOptions<JwtBearerOptions>
{
    private readonly bool embeddedAuthorizationServer = EmbeddedAuthorizationServer.IsRunning(services);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == McpPlatformAuthenticationDefaults.AuthenticationScheme)
        {
            Configure(options);
        }
    }

    public void Configure(JwtBearerOptions options)
    {
        var settings = resourceServer.Value;
        options.MapInboundClaims = false; // keep sub, scope, groups as the token names them
        options.SaveToken = false; // the token is never kept for tools to forward
        options.IncludeErrorDetails = false; // BearerChallenge writes its own, vetted description

        var validation = options.TokenValidationParameters;
        validation.ValidAlgorithms = settings.Algorithms;
        validation.ClockSkew = settings.ClockSkew;
        validation.RequireExpirationTime = true;
        validation.RequireSignedTokens = true;
        validation.ValidateLifetime = true;
        validation.ValidateIssuerSigningKey = true;
        validation.ValidateAudience = true;
        validation.AudienceValidator = (audiences, _, _) => AudienceMatches(audiences, settings);
        validation.NameClaimType = "name";
        if (!settings.TokenTypes.Contains("*"))
        {
            // An ID token names the client as audience, and some providers let that equal a resource URI: only access tokens get in.
            var types = settings.TokenTypes;
            validation.TypeValidator = (type, _, _) =>
                type is { Length: > 0 } && types.Contains(type, StringComparer.OrdinalIgnoreCase)
                    ? type
                    : throw new SecurityTokenInvalidTypeException("The token's typ header is not an accepted access token type.") { InvalidType = type };
        }

        if (developmentIssuer.Issuer is { } issuer)
        {
            validation.ValidIssuer = DevelopmentIssuer.IssuerName;
            validation.IssuerSigningKey = issuer.PublicKey;
            if (embeddedAuthorizationServer)
            {
                // The embedded authorization server signs with the same key under its own issuer URL (RFC 8414 wants the
                // metadata's issuer to be the URL clients found it at): both names are accepted, nothing else.
                validation.IssuerValidator = (tokenIssuer, _, _) => IsDevelopmentIssuer(tokenIssuer, settings)
                    ? tokenIssuer
                    : throw new SecurityTokenInvalidIssuerException("The token was not issued by the development issuer.") { InvalidIssuer = tokenIssuer };
            }
        }
        else if (settings.Authority is { Length: > 0 } authority)
        {
            options.Authority = authority;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.RefreshOnIssuerKeyNotFound = true;
            validation.ValidIssuer = settings.Issuer;
            validation.ValidateIssuer = true;
        }

        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = cache.TryUseCachedAsync,
            OnTokenValidated = cache.RememberAsync,
            OnChallenge = BearerChallenge.WriteUnauthorizedAsync,
        };
    }

    private bool IsDevelopmentIssuer(string tokenIssuer, ResourceServerOptions settings)
    {
        if (string.Equals(tokenIssuer, DevelopmentIssuer.IssuerName, StringComparison.Ordinal))
        {
            return true;
        }

        var request = httpContext.HttpContext?.Request;
        return request is not null
            && string.Equals(tokenIssuer.TrimEnd('/'), EmbeddedAuthorizationServer.IssuerFor(request, settings).TrimEnd('/'), StringComparison.Ordinal);
    }

    private bool AudienceMatches(IEnumerable<string> audiences, ResourceServerOptions settings)
    {
        var request = httpContext.HttpContext?.Request;
        if (request is null)
        {
            return false;
        }

        // The endpoint's own resource URI, and the main one (a portal's tokens for its main URL work on every audience path).
        var resource = ResourceUri.For(request, settings, platform.Value);
        var main = ResourceUri.Main(request, settings, platform.Value);
        return audiences.Any(audience =>
            ResourceUri.Canonical(audience) is var canonical
            && (string.Equals(canonical, resource, StringComparison.Ordinal) || string.Equals(canonical, main, StringComparison.Ordinal)
                || settings.Audiences.Contains(audience, StringComparer.Ordinal)));
    }
}
