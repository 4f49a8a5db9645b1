namespace McpPlatform.Testing;

/// <summary>
/// What a token minted by <see cref="TestOidcIssuer"/> says. Every property has a sensible default
/// except <see cref="Audience"/>; set one property to make one thing wrong.
/// </summary>
internal sealed record TestTokenOptions
{
    /// <summary>How long a token lives when neither <see cref="Expires"/> nor <see cref="Lifetime"/> says otherwise.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How far in the past <c>nbf</c> and <c>iat</c> lie by default, so clock skew never matters.</summary>
    public static readonly TimeSpan DefaultBackdating = TimeSpan.FromMinutes(1);

    /// <summary>The <c>sub</c> claim; null leaves it out.</summary>
    public string? Subject { get; init; } = "alice";

    /// <summary>The <c>aud</c> claim: the resource URI of the server under test.</summary>
    public required string Audience { get; init; }

    /// <summary>Emitted as one space-separated <c>scope</c> claim (RFC 9068); left out when empty.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Emitted as the array claim <c>groups</c>; left out when empty.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Emitted as the array claim <c>roles</c>; left out when empty.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The <c>client_id</c> claim (RFC 9068); null leaves it out.</summary>
    public string? ClientId { get; init; }

    /// <summary>The <c>name</c> claim; null leaves it out.</summary>
    public string? Name { get; init; }

    /// <summary>The <c>email</c> claim; null leaves it out.</summary>
    public string? Email { get; init; }

    /// <summary>
    /// Extra payload members, written last so they win over everything above (an array for
    /// <c>aud</c>, a string <c>exp</c>...). A null value removes the claim, e.g. <c>["exp"] = null</c>.
    /// Values are serialized with System.Text.Json.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Claims { get; init; } = new Dictionary<string, object?>();

    /// <summary>The <c>iat</c> claim; defaults to <see cref="NotBefore"/>.</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>The <c>nbf</c> claim; defaults to a minute ago (or earlier, to stay before <see cref="Expires"/>).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The <c>exp</c> claim; defaults to now + <see cref="Lifetime"/>. Set it in the past for an expired token.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Lifetime used when <see cref="Expires"/> is not set.</summary>
    public TimeSpan Lifetime { get; init; } = DefaultLifetime;

    /// <summary>Replaces the <c>iss</c> claim, to forge a token from the wrong issuer.</summary>
    public string? IssuerOverride { get; init; }

    /// <summary>The <c>typ</c> header; access tokens are <c>at+jwt</c> (RFC 9068).</summary>
    public string TokenType { get; init; } = "at+jwt";

    /// <summary>The <c>jti</c> claim; defaults to a fresh GUID.</summary>
    public string? TokenId { get; init; }
}
