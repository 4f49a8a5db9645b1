using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Testing;

/// <summary>
/// A real OpenID Connect issuer on http://127.0.0.1:PORT for tests: it serves discovery and JWKS
/// over HTTP, mints RS256 access tokens, rotates keys, and forges the tokens a resource server
/// must reject. Point JwtBearer at <see cref="Issuer"/> (with <c>RequireHttpsMetadata = false</c>).
/// </summary>
/// <example>
/// <code>
/// await using var issuer = await TestOidcIssuer.StartAsync();
/// var token = issuer.MintToken(new TestTokenOptions { Audience = "http://127.0.0.1:5000/mcp", Scopes = ["tools.read"] });
/// </code>
/// </example>
internal sealed class TestOidcIssuer : IAsyncDisposable
{
    public const string DiscoveryPath = "/.well-known/openid-configuration";
    public const string JwksPath = "/jwks";

    private readonly WebApplication _app;
    private readonly SigningKeyRing _keys;
    private readonly Lazy<RsaSigningKey> _unpublishedKey = new(() => RsaSigningKey.Create(keyIdPrefix: "unpublished-"));
    private readonly JsonWebTokenHandler _tokenHandler = new() { SetDefaultTimesOnTokenCreation = false };
    private int _discoveryRequests;
    private int _jwksRequests;
    private int _disposed;

    private TestOidcIssuer(WebApplication app, SigningKeyRing keys)
    {
        _app = app;
        _keys = keys;
    }

    /// <summary>Exactly the <c>issuer</c> of the discovery document and the <c>iss</c> of minted tokens: http://127.0.0.1:PORT (no trailing slash).</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where the discovery document is served (what JwtBearer's MetadataAddress resolves to).</summary>
    public Uri DiscoveryUri => new(BaseAddress, DiscoveryPath);

    /// <summary>Where the JWKS document is served (the discovery document's <c>jwks_uri</c>).</summary>
    public Uri JwksUri => new(BaseAddress, JwksPath);

    /// <summary>The addresses Kestrel actually bound; all on 127.0.0.1.</summary>
    public IReadOnlyList<string> ListenAddresses { get; private set; } = [];

    /// <summary>How many times the discovery document was fetched.</summary>
    public int DiscoveryRequests => Volatile.Read(ref _discoveryRequests);

    /// <summary>How many times the JWKS document was fetched; grows when a validator refreshes its keys.</summary>
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    /// <summary>The <c>kid</c> new tokens are signed with.</summary>
    public string ActiveKeyId => _keys.Active.KeyId;

    /// <summary>The key ids served by JWKS right now.</summary>
    public IReadOnlyList<string> PublishedKeyIds => _keys.PublishedKeyIds;

    /// <summary>The active public key as PEM: the "secret" of <see cref="MintHs256WithPublicKey"/>.</summary>
    public string ActivePublicKeyPem => _keys.Active.PublicKeyPem;

    /// <summary>Starts the issuer on a free port of 127.0.0.1, with one RSA-2048 signing key.</summary>
    public static async Task<TestOidcIssuer> StartAsync(CancellationToken cancellationToken = default)
    {
        var app = LoopbackWebApp.Create(typeof(TestOidcIssuer).Assembly.GetName().Name!);
        var issuer = new TestOidcIssuer(app, new SigningKeyRing());
        app.MapGet(DiscoveryPath, issuer.ServeDiscovery);
        app.MapGet(JwksPath, issuer.ServeJwks);

        try
        {
            await app.StartAsync(cancellationToken);
            issuer.ReadBoundAddress();
            return issuer;
        }
        catch
        {
            await issuer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Makes a new key (new kid) active; the old keys leave JWKS unless <paramref name="keepOld"/>. Returns the new kid.</summary>
    public string RotateSigningKey(bool keepOld = false) => _keys.Rotate(keepOld).KeyId;

    /// <summary>An RS256 access token (<c>typ: at+jwt</c>) signed by the active key.</summary>
    public string MintToken(TestTokenOptions options) => SignRs256(options, _keys.Active);

    /// <summary>Forgery: <c>alg: none</c> and an empty signature.</summary>
    public string MintUnsignedToken(TestTokenOptions options) =>
        CompactJws.Unsigned(TokenPayload.ToJson(options, Issuer), options.TokenType);

    /// <summary>
    /// Forgery, the RS256/HS256 key-confusion attack: HMAC-SHA256 keyed with the active public key's
    /// PEM text (<see cref="ActivePublicKeyPem"/>), header <c>alg: HS256</c> and the active kid.
    /// </summary>
    public string MintHs256WithPublicKey(TestTokenOptions options)
    {
        var active = _keys.Active;
        var header = CompactJws.Header(SecurityAlgorithms.HmacSha256, active.KeyId, options.TokenType);
        return CompactJws.Hs256(header, TokenPayload.ToJson(options, Issuer), Encoding.ASCII.GetBytes(active.PublicKeyPem));
    }

    /// <summary>Forgery: RS256, but signed by an RSA key that JWKS never publishes, under a kid that is not published.</summary>
    public string MintWithUnknownKey(TestTokenOptions options) => SignRs256(options, _unpublishedKey.Value);

    /// <summary>Forgery: <paramref name="token"/> with one bit of its signature flipped.</summary>
    public string TamperSignature(string token) => CompactJws.TamperSignature(token);

    /// <summary>Stops the listener and disposes the keys; safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await LoopbackWebApp.StopAsync(_app);
        await _app.DisposeAsync();
        _keys.Dispose();
        if (_unpublishedKey.IsValueCreated)
        {
            _unpublishedKey.Value.Dispose();
        }
    }

    private void ReadBoundAddress()
    {
        var bound = LoopbackWebApp.BoundAddress(_app, "The test issuer");
        ListenAddresses = [bound.GetLeftPart(UriPartial.Authority)];
        Issuer = $"http://127.0.0.1:{bound.Port}";
        BaseAddress = new Uri(Issuer + "/");
    }

    private IResult ServeDiscovery()
    {
        Interlocked.Increment(ref _discoveryRequests);
        var document = new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = JwksUri.AbsoluteUri,
            ["authorization_endpoint"] = new Uri(BaseAddress, "authorize").AbsoluteUri,
            ["token_endpoint"] = new Uri(BaseAddress, "token").AbsoluteUri,
            ["response_types_supported"] = new JsonArray("code"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray(SecurityAlgorithms.RsaSha256),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "private_key_jwt"),
            ["grant_types_supported"] = new JsonArray("authorization_code", "client_credentials"),
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
        };
        return Results.Text(document.ToJsonString(), "application/json");
    }

    private IResult ServeJwks()
    {
        Interlocked.Increment(ref _jwksRequests);
        return Results.Text(_keys.ToJwksJson(), "application/jwk-set+json");
    }

    private string SignRs256(TestTokenOptions options, RsaSigningKey key)
    {
        var credentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256);
        var header = new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = options.TokenType };
        return _tokenHandler.CreateToken(TokenPayload.ToJson(options, Issuer), credentials, header);
    }
}
