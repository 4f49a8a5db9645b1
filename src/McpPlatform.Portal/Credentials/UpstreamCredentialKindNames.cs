using McpPlatform.Portal.Configuration;

namespace McpPlatform.Portal.Credentials;

/// <summary>Reads <see cref="UpstreamCredentialOptions.Kind"/> case-insensitively, as configuration binders do for enums.</summary>
internal static class UpstreamCredentialKindNames
{
    private static readonly string[] Known =
    [
        UpstreamCredentialKinds.None, UpstreamCredentialKinds.Bearer, UpstreamCredentialKinds.ApiKey,
        UpstreamCredentialKinds.ClientCredentials, UpstreamCredentialKinds.TokenExchange,
    ];

    /// <summary>The canonical kind, <see cref="UpstreamCredentialKinds.None"/> for an empty value, null for an unknown one.</summary>
    public static string? Normalize(string? kind) =>
        string.IsNullOrWhiteSpace(kind)
            ? UpstreamCredentialKinds.None
            : Known.FirstOrDefault(known => string.Equals(known, kind.Trim(), StringComparison.OrdinalIgnoreCase));
}
