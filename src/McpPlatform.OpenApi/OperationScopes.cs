using Microsoft.OpenApi;

namespace McpPlatform.OpenApi;

/// <summary>
/// The OAuth scopes an operation's security requirements demand of every caller. OpenAPI lists alternatives (any
/// one requirement object suffices) whose schemes all apply; only oauth2 and openIdConnect schemes carry scopes. A
/// scope is required when every alternative requires it, so an alternative without scopes (an API key, or <c>{}</c>
/// for anonymous access) leaves none required. The operation's own <c>security</c> replaces the document's.
/// </summary>
internal static class OperationScopes
{
    public static IReadOnlyList<string> Of(OpenApiDocument document, Microsoft.OpenApi.OpenApiOperation operation)
    {
        var requirements = operation.Security ?? document.Security;
        if (requirements is null || requirements.Count == 0)
        {
            return [];
        }

        HashSet<string>? required = null;
        foreach (var requirement in requirements)
        {
            var scopes = requirement
                .Where(r => r.Key.Type is SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect)
                .SelectMany(r => r.Value ?? [])
                .Where(s => !string.IsNullOrWhiteSpace(s))
                .ToHashSet(StringComparer.Ordinal);
            if (required is null)
            {
                required = scopes;
            }
            else
            {
                required.IntersectWith(scopes);
            }
        }

        return [.. (required ?? []).Order(StringComparer.Ordinal)];
    }
}
