using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Governance.Authentication;

/// <summary>
/// The local development issuer: an RSA key kept in a per-user file outside any repository,
/// trusted by McpPlatform servers in the Development environment and used by the
/// <c>mcp-platform dev-token</c> command to mint access tokens, so a server runs with OAuth on
/// and no external identity provider.
/// </summary>
/// <remarks>
/// Tokens are RFC 9068 JWT access tokens (header <c>typ: at+jwt</c>) signed with RS256 and carry
/// <c>iss</c> = <see cref="IssuerName"/>, <c>aud</c>, <c>sub</c>, <c>client_id</c>, <c>jti</c>,
/// <c>iat</c>, <c>nbf</c>, <c>exp</c>, <c>scope</c> (one space-separated string), and, when given,
/// <c>groups</c> and <c>roles</c> (JSON arrays), <c>name</c>, <c>email</c> and extra string claims.
/// </remarks>
public sealed class DevelopmentIssuer
{
    /// <summary>The <c>iss</c> claim of every development token.</summary>
    public const string IssuerName = "https://mcp-platform.localhost/dev-issuer";

    /// <summary>The environment variable that, when set, replaces <see cref="DefaultKeyFile"/>.</summary>
    public const string KeyFileEnvironmentVariable = "MCP_PLATFORM_DEV_ISSUER_KEY_FILE";

    /// <summary>The longest lifetime a development token may have.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    private static readonly JsonWebTokenHandler TokenHandler = new();

    /// <summary>
    /// The claims the issuer sets itself from <see cref="DevelopmentTokenRequest"/>'s other properties;
    /// <see cref="DevelopmentTokenRequest.Claims"/> may not name them.
    /// </summary>
    public static IReadOnlySet<string> ReservedClaims { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "iss", "aud", "sub", "exp", "nbf", "iat", "jti", "scope", "scp", "groups", "roles", "client_id", "name", "email",
    };

    private DevelopmentIssuer(string keyFile, string keyId, DateTimeOffset created, RSAParameters privateKey)
    {
        KeyFile = keyFile;
        KeyId = keyId;
        Created = created;
        PublicKey = new RsaSecurityKey(new RSAParameters { Modulus = privateKey.Modulus, Exponent = privateKey.Exponent })
        {
            KeyId = keyId,
        };
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(privateKey) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>
    /// The per-user key file: <c>mcp-platform/dev-issuer.json</c> under the application data folder
    /// (<c>~/.config/mcp-platform/dev-issuer.json</c> on Linux, <c>%APPDATA%\mcp-platform\dev-issuer.json</c>
    /// on Windows), or the path in <c>MCP_PLATFORM_DEV_ISSUER_KEY_FILE</c> when that is set.
    /// </summary>
    public static string DefaultKeyFile => UserDataPaths.Resolve(KeyFileEnvironmentVariable, "dev-issuer.json");

    /// <summary>The file the key was read from or written to.</summary>
    public string KeyFile { get; }

    /// <summary>The key identifier, sent as <c>kid</c> in every token header.</summary>
    public string KeyId { get; }

    /// <summary>When the key was generated.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>The public half of the key (an <see cref="RsaSecurityKey"/> with <see cref="KeyId"/>), for validating tokens.</summary>
    public SecurityKey PublicKey { get; }

    /// <summary>The private key with RS256, for signing tokens.</summary>
    public SigningCredentials SigningCredentials { get; }

    /// <summary>
    /// Reads the issuer key from <paramref name="keyFile"/> (default <see cref="DefaultKeyFile"/>),
    /// or creates the file with a fresh RSA-2048 key and a random key id when it does not exist.
    /// </summary>
    /// <param name="keyFile">The key file; <see cref="DefaultKeyFile"/> when null.</param>
    /// <returns>The issuer.</returns>
    /// <remarks>
    /// The file is written to a temporary file beside it and moved into place, readable and writable
    /// by its owner only on Unix (mode 600). When two processes create it at once, one move wins and
    /// both use the winner's key.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The file exists but is not a valid key file.</exception>
    public static DevelopmentIssuer LoadOrCreate(string? keyFile = null)
    {
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(keyFile) ? DefaultKeyFile : keyFile);
        var stored = DevelopmentIssuerKeyFile.LoadOrCreate(path);
        return new DevelopmentIssuer(path, stored.KeyId, stored.Created, stored.PrivateKey);
    }

    /// <summary>Mints a signed RFC 9068 access token for <paramref name="request"/>.</summary>
    /// <param name="request">Who the token is for, which server it is for, and what it grants.</param>
    /// <returns>The compact JWT.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is not more than zero and at most 24 hours.</exception>
    /// <exception cref="ArgumentException">A value is empty, a scope contains a space, or an extra claim replaces a claim the issuer sets.</exception>
    public string MintToken(DevelopmentTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);

        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = request.Subject,
            ["client_id"] = request.ClientId,
            ["jti"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            ["scope"] = string.Join(' ', request.Scopes),
        };
        if (request.Groups.Count > 0)
        {
            claims["groups"] = request.Groups.ToList();
        }

        if (request.Roles.Count > 0)
        {
            claims["roles"] = request.Roles.ToList();
        }

        if (request.Name is not null)
        {
            claims["name"] = request.Name;
        }

        if (request.Email is not null)
        {
            claims["email"] = request.Email;
        }

        foreach (var (name, value) in request.Claims)
        {
            claims[name] = value;
        }

        var now = DateTime.UtcNow;
        return TokenHandler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerName,
            Audience = request.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + request.Lifetime,
            Claims = claims,
            TokenType = "at+jwt",
            SigningCredentials = SigningCredentials,
        });
    }

    private static void Validate(DevelopmentTokenRequest request)
    {
        if (request.Lifetime <= TimeSpan.Zero || request.Lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(
                nameof(request), request.Lifetime, $"The token lifetime must be more than zero and at most {MaxLifetime.TotalHours:0} hours.");
        }

        RequireValue(request.Subject, "subject");
        RequireValue(request.Audience, "audience");
        RequireValue(request.ClientId, "client id");
        foreach (var scope in request.Scopes)
        {
            RequireValue(scope, "scope");
            if (scope.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"The scope '{scope}' contains white space; give each scope separately.", nameof(request));
            }
        }

        foreach (var group in request.Groups)
        {
            RequireValue(group, "group");
        }

        foreach (var role in request.Roles)
        {
            RequireValue(role, "role");
        }

        foreach (var name in request.Claims.Keys)
        {
            RequireValue(name, "claim name");
            if (ReservedClaims.Contains(name))
            {
                throw new ArgumentException(
                    $"The claim '{name}' is set by the development issuer and cannot be given as an extra claim.", nameof(request));
            }
        }
    }

    private static void RequireValue(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The token's {what} must not be empty.", "request");
        }
    }
}

/// <summary>What a development token says: who it is for, which server accepts it, and what it grants.</summary>
/// <param name="Subject">The <c>sub</c> claim: the user the token speaks for.</param>
/// <param name="Audience">
/// The <c>aud</c> claim: the server's canonical resource URI (scheme, host, port and MCP path,
/// e.g. <c>http://127.0.0.1:5080/mcp</c>); a server accepts only tokens issued for itself.
/// </param>
public sealed record DevelopmentTokenRequest(string Subject, string Audience)
{
    /// <summary>The granted scopes, written as one space-separated <c>scope</c> claim. Default: <c>mcp:read</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = ["mcp:read"];

    /// <summary>The <c>groups</c> claim (a JSON array); left out when empty. Default: none.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The <c>roles</c> claim (a JSON array); left out when empty. Default: none.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The <c>name</c> claim, when set.</summary>
    public string? Name { get; init; }

    /// <summary>The <c>email</c> claim, when set.</summary>
    public string? Email { get; init; }

    /// <summary>The <c>client_id</c> claim: the OAuth client the token was issued to. Default: <c>mcp-platform-dev</c>.</summary>
    public string ClientId { get; init; } = "mcp-platform-dev";

    /// <summary>
    /// Extra string claims, e.g. <c>device_managed</c> = <c>true</c>. They may not replace a claim the
    /// issuer sets (<c>iss</c>, <c>aud</c>, <c>sub</c>, <c>exp</c>, <c>nbf</c>, <c>iat</c>, <c>jti</c>,
    /// <c>scope</c>, <c>scp</c>, <c>groups</c>, <c>roles</c>, <c>client_id</c>, <c>name</c>, <c>email</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Claims { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the token is valid from now: more than zero and at most 24 hours. Default: one hour.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);
}
