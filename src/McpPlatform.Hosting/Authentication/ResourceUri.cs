using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Security;
using Microsoft.AspNetCore.Http;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// This server's canonical resource URI (RFC 8707): the configured one, or in Development the URL of the MCP endpoint as
/// requested. A portal audience's endpoint has its own, at its own path beside the configured one.
/// </summary>
internal static class ResourceUri
{
    /// <summary>The resource URI of the MCP endpoint the request came in on (the main one for any other request).</summary>
    public static string For(HttpRequest request, ResourceServerOptions options, McpPlatformOptions platform) =>
        ForPath(request, options, platform, EndpointPath(request, platform));

    /// <summary>The main MCP endpoint's resource URI (<c>McpPlatform:Path</c>), whichever endpoint the request came in on.</summary>
    public static string Main(HttpRequest request, ResourceServerOptions options, McpPlatformOptions platform) =>
        ForPath(request, options, platform, platform.Path);

    /// <summary>The resource URI of the MCP endpoint at <paramref name="mcpPath"/>.</summary>
    public static string ForPath(HttpRequest request, ResourceServerOptions options, McpPlatformOptions platform, string mcpPath)
    {
        if (options.Resource is { Length: > 0 } configured)
        {
            var main = Canonical(configured);
            return string.Equals(mcpPath, platform.Path, StringComparison.Ordinal) || !Uri.TryCreate(configured, UriKind.Absolute, out var resource)
                ? main
                : Canonical($"{resource.Scheme}://{resource.Authority}{PublicPathBase(resource, request, platform)}{mcpPath}");
        }

        return Canonical($"{request.Scheme}://{Authority(request, platform).ToUriComponent()}{request.PathBase}{mcpPath}");
    }

    /// <summary>The path of the governed MCP endpoint the request came in on, or <c>McpPlatform:Path</c> for any other request.</summary>
    public static string EndpointPath(HttpRequest request, McpPlatformOptions platform) =>
        request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<McpResourcePath>()?.Path ?? platform.Path;

    /// <summary>
    /// Where a client finds the protected resource metadata (RFC 9728), for <c>resource_metadata</c> in a
    /// challenge: beside the configured resource URI when there is one (a TLS-terminating proxy in front
    /// means the request itself says http://), otherwise on the request's own (or forwarded) origin.
    /// </summary>
    public static string MetadataUrl(HttpRequest request, ResourceServerOptions options, McpPlatformOptions platform, string metadataPath)
    {
        if (options.Resource is { Length: > 0 } configured && Uri.TryCreate(configured, UriKind.Absolute, out var resource))
        {
            return $"{resource.Scheme}://{resource.Authority}{PublicPathBase(resource, request, platform)}{metadataPath}";
        }

        return $"{request.Scheme}://{Authority(request, platform).ToUriComponent()}{request.PathBase}{metadataPath}";
    }

    // The part of the configured resource's path before the MCP path is the public path base (a proxy may strip it).
    private static string PublicPathBase(Uri resource, HttpRequest request, McpPlatformOptions platform)
    {
        var path = resource.AbsolutePath.TrimEnd('/');
        return path.EndsWith(platform.Path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            ? path[..^platform.Path.TrimEnd('/').Length]
            : request.PathBase.Value ?? "";
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
