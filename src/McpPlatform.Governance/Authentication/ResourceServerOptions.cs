namespace McpPlatform.Governance.Authentication;

/// <summary>
/// How the server validates OAuth 2.1 access tokens, bound from <c>McpPlatform:Authentication</c>.
/// The server is a protected resource (RFC 9728): it accepts JWTs from one issuer whose audience
/// is its own canonical resource URI (RFC 8707).
/// </summary>
public sealed class ResourceServerOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = McpPlatformOptions.SectionName + ":Authentication";

    /// <summary>
    /// Off only for local experiments and the conformance fixture (the suite sends no token):
    /// refused outside Development. Turning it off also turns off the tool policy.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The OpenID Connect issuer URL; discovery is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The expected <c>iss</c>; the issuer named by discovery when not set.</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// This server's canonical resource URI, e.g. <c>https://mcp.example.com/mcp</c>: the audience
    /// tokens must carry and the <c>resource</c> of the protected resource metadata. Required
    /// outside Development; in Development it defaults to the URL the request came in on.
    /// </summary>
    public string? Resource { get; set; }

    /// <summary>Further accepted audiences, for identity providers that cannot put the resource URI in <c>aud</c> (e.g. an Entra application ID URI).</summary>
    public string[] Audiences { get; set; } = [];

    /// <summary>The signing algorithms accepted. Never <c>none</c>, never HMAC (a public key is not a shared secret).</summary>
    public string[] Algorithms { get; set; } = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    /// <summary>
    /// The JOSE <c>typ</c> header values accepted (compared ignoring case): access tokens (RFC 9068
    /// <c>at+jwt</c>) and the plain <c>JWT</c> most identity providers put on theirs. A token with
    /// another type (an OpenID Connect ID token typed <c>id_token+jwt</c>, a logout token...) or
    /// none is refused. Configured entries are added to these; an entry <c>*</c> turns the check off,
    /// for a provider that sends no <c>typ</c>.
    /// </summary>
    public string[] TokenTypes { get; set; } = ["at+jwt", "application/at+jwt", "JWT"];

    /// <summary>Tolerated clock difference for <c>exp</c> and <c>nbf</c>; at most 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Discovery over plain HTTP is accepted only for a loopback authority (tests, local identity providers).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Which token claims become the caller's identity.</summary>
    public ClaimMappingOptions Claims { get; set; } = new();

    /// <summary>The local development issuer trusted in Development.</summary>
    public DevelopmentIssuerOptions DevelopmentIssuer { get; set; } = new();

    /// <summary>The embedded OAuth authorization server that signs in with the development issuer's key.</summary>
    public DevelopmentAuthorizationServerOptions DevelopmentAuthorizationServer { get; set; } = new();
}

/// <summary>
/// The embedded development authorization server (OAuth 2.1: authorization code + PKCE, dynamic client registration,
/// refresh tokens, a sign-in and consent page), which issues the development issuer's kind of token so clients sign in
/// by themselves. On by default wherever the development issuer is trusted; outside Development only when
/// <see cref="AllowOutsideDevelopment"/> says so and <see cref="Issuer"/> names it.
/// </summary>
public sealed class DevelopmentAuthorizationServerOptions
{
    /// <summary>Host it; defaults to on when the development issuer is trusted (Development without an <c>Authority</c>).</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Its issuer URL (the <c>issuer</c> of its metadata and the <c>iss</c> of its tokens), e.g. <c>https://mcp.test.example.com/</c>.
    /// Default in Development: this server's origin as the request names it. Required outside Development.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>Must be true, with <see cref="Issuer"/> set, to host it outside Development (a shared test environment).</summary>
    public bool AllowOutsideDevelopment { get; set; }

    /// <summary>The most clients dynamic registration keeps (they live in memory until the server stops). Default 200.</summary>
    public int MaxRegisteredClients { get; set; } = 200;
}

/// <summary>Token claim names read into <see cref="CallerIdentity"/>; the first present wins for single values.</summary>
public sealed class ClaimMappingOptions
{
    /// <summary>The subject claim.</summary>
    public string Subject { get; set; } = "sub";

    /// <summary>Display name claims.</summary>
    public string[] Name { get; set; } = ["name", "preferred_username"];

    /// <summary>E-mail claims.</summary>
    public string[] Email { get; set; } = ["email", "upn", "preferred_username"];

    /// <summary>OAuth client id claims.</summary>
    public string[] ClientId { get; set; } = ["client_id", "azp", "appid", "cid"];

    /// <summary>Group claims (arrays or repeated claims).</summary>
    public string[] Groups { get; set; } = ["groups"];

    /// <summary>Role claims.</summary>
    public string[] Roles { get; set; } = ["roles", "role"];

    /// <summary>Scope claims; space-separated strings or arrays.</summary>
    public string[] Scopes { get; set; } = ["scope", "scp"];

    /// <summary>Further claims passed to tools and policy as they are, e.g. <c>device_managed</c>.</summary>
    public string[] PassThrough { get; set; } = [];
}

/// <summary>The development issuer: a per-user signing key outside the repository.</summary>
public sealed class DevelopmentIssuerOptions
{
    /// <summary>Trust it; defaults to on in Development when no <see cref="ResourceServerOptions.Authority"/> is set. Refused outside Development.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The key file; <see cref="Authentication.DevelopmentIssuer.DefaultKeyFile"/> when not set.</summary>
    public string? KeyFile { get; set; }
}
