namespace McpPlatform.Portal.Configuration;

/// <summary>How the portal authenticates to one upstream (<c>Upstreams:&lt;namespace&gt;:Credentials</c>).</summary>
public sealed class UpstreamCredentialOptions
{
    /// <summary><c>None</c>, <c>Bearer</c>, <c>ApiKey</c>, <c>ClientCredentials</c> or <c>TokenExchange</c>.</summary>
    public string Kind { get; set; } = UpstreamCredentialKinds.None;

    /// <summary>
    /// The secret store name holding the bearer token (<c>Bearer</c>), the API key (<c>ApiKey</c>) or the client secret
    /// (<c>ClientCredentials</c>, <c>TokenExchange</c>). Never the value itself.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>The header an API key goes in (<c>ApiKey</c>).</summary>
    public string Header { get; set; } = "X-API-Key";

    /// <summary>The authorization server's token endpoint (<c>ClientCredentials</c>, <c>TokenExchange</c>).</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The portal's client id at that authorization server.</summary>
    public string? ClientId { get; set; }

    /// <summary>Scopes to ask for.</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>The RFC 8707 resource / RFC 8693 audience of the upstream, when the authorization server needs it.</summary>
    public string? Resource { get; set; }
}

/// <summary>The values of <see cref="UpstreamCredentialOptions.Kind"/>.</summary>
public static class UpstreamCredentialKinds
{
    /// <summary>Nothing is presented.</summary>
    public const string None = "None";

    /// <summary>A bearer token from the secret store.</summary>
    public const string Bearer = "Bearer";

    /// <summary>An API key from the secret store, in <see cref="UpstreamCredentialOptions.Header"/>.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>An OAuth 2.0 client credentials grant (RFC 6749 4.4), token cached until shortly before it expires.</summary>
    public const string ClientCredentials = "ClientCredentials";

    /// <summary>RFC 8693 token exchange of the caller's token for one the upstream accepts (per caller, cached).</summary>
    public const string TokenExchange = "TokenExchange";
}
