using Microsoft.AspNetCore.Http;

namespace McpPlatform.Hosting.Authentication;

/// <summary>This server's canonical resource URI (RFC 8707): the configured one, or in Development the URL of the MCP endpoint as requested.</summary>
internal static class ResourceUri
{
    public static string For(HttpRequest request, ResourceServerOptions options, McpPlatformOptions platform) =>
        options.Resource is { Length: > 0 } configured
            ? Canonical(configured)
            : Canonical($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase}{platform.Path}");

    /// <summary>Lower-case scheme and host, no trailing slash, no fragment: the form audiences are compared in.</summary>
    public static string Canonical(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            return uri.TrimEnd('/');
        }

        // Uri.Host keeps the brackets of an IPv6 literal.
        var authority = parsed.IsDefaultPort ? parsed.Host : $"{parsed.Host}:{parsed.Port}";
        return $"{parsed.Scheme.ToLowerInvariant()}://{authority.ToLowerInvariant()}{parsed.AbsolutePath.TrimEnd('/')}{parsed.Query}";
    }
}
