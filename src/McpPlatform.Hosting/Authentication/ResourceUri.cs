using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Security;
using Microsoft.AspNetCore.Http;

namespace McpPlatform.Hosting.Authentication;

/// <summary>This server's canonical resource URI (RFC 8707): the configured one, or in Development the URL of the MCP endpoint as requested.</summary>
internal static class ResourceUri
{
    public static string For(HttpRequest request, ResourceServerOptions options, McpPlatformOptions platform) =>
        options.Resource is { Length: > 0 } configured
            ? Canonical(configured)
            : Canonical($"{request.Scheme}://{Authority(request, platform).ToUriComponent()}{request.PathBase}{platform.Path}");

    /// <summary>
    /// Where a client finds the protected resource metadata (RFC 9728), for <c>resource_metadata</c> in a
    /// challenge: beside the configured resource URI when there is one (a TLS-terminating proxy in front
    /// means the request itself says http://), otherwise on the request's own (or forwarded) origin.
    /// </summary>
    public static string MetadataUrl(HttpRequest request, ResourceServerOptions options, McpPlatformOptions platform, string metadataPath)
    {
        if (options.Resource is { Length: > 0 } configured && Uri.TryCreate(configured, UriKind.Absolute, out var resource))
        {
            // The part of the resource's path before the MCP path is the public path base (a proxy may strip it).
            var path = resource.AbsolutePath.TrimEnd('/');
            var pathBase = path.EndsWith(platform.Path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
                ? path[..^platform.Path.TrimEnd('/').Length]
                : request.PathBase.Value ?? "";
            return $"{resource.Scheme}://{resource.Authority}{pathBase}{metadataPath}";
        }

        return $"{request.Scheme}://{Authority(request, platform).ToUriComponent()}{request.PathBase}{metadataPath}";
    }

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

    // The Host header is the caller's to write, and the rebinding check looks at its name only: a
    // token minted for another local server (127.0.0.1:5081) must not get in by naming that port.
    // So the port is the one the connection arrived on, unless a trusted proxy forwarded the host
    // (McpPlatform:ForwardedHeaders), in which case the proxy's public host and port are the truth.
    private static HostString Authority(HttpRequest request, McpPlatformOptions platform)
    {
        var host = request.Host;
        var localPort = request.HttpContext.Connection.LocalPort;
        if (platform.ForwardedHeaders.Enabled || localPort <= 0 || !host.HasValue)
        {
            return host;
        }

        return new HostString(host.Host, localPort);
    }
}
