namespace McpPlatform.OpenApi.Runtime;

/// <summary>
/// How the server calls one API (<c>McpPlatform:OpenApi:Apis:&lt;namespace&gt;</c>): where it lives, how long a call may
/// take, how much it may answer and which credential it gets. The base URL comes from configuration only, never from the
/// document's <c>servers</c> (a document is data from outside; it must not choose where calls go).
/// </summary>
public sealed class OpenApiApiOptions
{
    /// <summary>The configuration section holding one entry per namespace.</summary>
    public const string SectionName = "McpPlatform:OpenApi:Apis";

    /// <summary>
    /// The API's base URL (<c>https://api.example.com/v2/</c>): https, or http to a loopback host. Every request goes to a
    /// path below it; a path template <c>/pets/{id}</c> becomes <c>https://api.example.com/v2/pets/7</c>.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The whole call, retries and the response body included; past it the caller gets a timeout error.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One attempt, until the response headers arrive; a safe method that times out is retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Retries of a failed attempt (transport error, timeout, 408, 429, 5xx) for safe methods only (GET, HEAD, OPTIONS,
    /// TRACE); 0 turns retries off. Writes are never retried: a write whose answer was lost may have been applied.
    /// </summary>
    public int Retries { get; set; } = 2;

    /// <summary>The largest response body (bytes, after decompression); a larger one is refused while it streams in.</summary>
    public long MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Redirects followed within the base URL (same scheme, host, port, under its path); 0 refuses every redirect.</summary>
    public int MaxRedirects { get; set; } = 3;

    /// <summary>How much of an error response's body (characters) the caller sees in the tool error.</summary>
    public int MaxErrorBodyCharacters { get; set; } = 1024;

    /// <summary>The credential the server presents to the API; the caller never sees or sets it.</summary>
    public OpenApiCredentialOptions Credential { get; set; } = new();
}

/// <summary>The credential of one API: a secret store name, never a value (<c>…:Apis:&lt;namespace&gt;:Credential</c>).</summary>
public sealed class OpenApiCredentialOptions
{
    /// <summary>What kind of credential; <see cref="OpenApiCredentialKind.None"/> by default.</summary>
    public OpenApiCredentialKind Kind { get; set; } = OpenApiCredentialKind.None;

    /// <summary>The secret store name holding the token, the API key or the Basic password.</summary>
    public string? Secret { get; set; }

    /// <summary>Where an API key goes (<see cref="OpenApiCredentialKind.ApiKey"/>).</summary>
    public ApiKeyLocation In { get; set; } = ApiKeyLocation.Header;

    /// <summary>The header or query parameter name of an API key.</summary>
    public string Name { get; set; } = "X-API-Key";

    /// <summary>The user name of <see cref="OpenApiCredentialKind.Basic"/> (not a secret; the password is).</summary>
    public string? Username { get; set; }
}

/// <summary>The credential kinds an API can be called with.</summary>
public enum OpenApiCredentialKind
{
    /// <summary>Nothing is presented.</summary>
    None,

    /// <summary><c>Authorization: Bearer &lt;secret&gt;</c>.</summary>
    Bearer,

    /// <summary>The secret in a header or a query parameter (<see cref="OpenApiCredentialOptions.Name"/>).</summary>
    ApiKey,

    /// <summary><c>Authorization: Basic base64(username:secret)</c> (RFC 7617).</summary>
    Basic,
}

/// <summary>Where an API key goes.</summary>
public enum ApiKeyLocation
{
    /// <summary>A request header.</summary>
    Header,

    /// <summary>A query parameter.</summary>
    Query,
}
