namespace McpPlatform;

/// <summary>
/// Who is calling a tool, taken from the validated access token. A tool method receives it by
/// declaring a parameter of this type; it is never part of the tool's input schema, and it
/// never carries the token itself (the token is not passed on to anything a tool calls).
/// </summary>
public sealed class CallerIdentity
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoClaims =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>A caller on a server with authentication switched off (development and conformance only).</summary>
    public static CallerIdentity Anonymous { get; } = new() { Subject = "anonymous", IsAuthenticated = false };

    /// <summary>True when the identity comes from a validated token.</summary>
    public bool IsAuthenticated { get; init; } = true;

    /// <summary>The token's issuer (<c>iss</c>): who vouches for <see cref="Subject"/>, which is unique only per issuer.</summary>
    public string? Issuer { get; init; }

    /// <summary>The token's subject (<c>sub</c>): a stable id of the user or workload.</summary>
    public required string Subject { get; init; }

    /// <summary>A display name, when the token carries one.</summary>
    public string? Name { get; init; }

    /// <summary>An e-mail address or user principal name, when the token carries one.</summary>
    public string? Email { get; init; }

    /// <summary>The OAuth client the caller used (<c>client_id</c>, <c>azp</c> or <c>appid</c>).</summary>
    public string? ClientId { get; init; }

    /// <summary>Group names or ids from the token.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Application roles from the token.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The scopes the token grants (<c>scope</c> / <c>scp</c>).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Further claims the server is configured to pass on (e.g. device posture), by claim type.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Claims { get; init; } = NoClaims;

    /// <summary>True when the token grants <paramref name="scope"/>.</summary>
    public bool HasScope(string scope)
    {
        // Asked several times per request (read scope, policy, tool scopes): an indexed loop, not LINQ's boxed enumerator.
        var scopes = Scopes;
        for (var i = 0; i < scopes.Count; i++)
        {
            if (string.Equals(scopes[i], scope, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the caller is in <paramref name="group"/>.</summary>
    public bool InGroup(string group) => Groups.Contains(group, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the configured claim <paramref name="type"/> has the value <paramref name="value"/>.</summary>
    public bool HasClaim(string type, string value) =>
        Claims.TryGetValue(type, out var values) && values.Contains(value, StringComparer.Ordinal);
}
