namespace McpPlatform.Hosting.Security;

/// <summary>
/// Decides whether a request's Host and Origin headers name this server. With no hosts
/// configured only loopback names pass, which is what a server bound to localhost needs to
/// resist DNS rebinding; production lists its public host names.
/// </summary>
internal sealed class HostOriginPolicy
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "::1", "[::1]"];

    private readonly string[] _hosts;
    private readonly HashSet<string> _origins;
    private readonly bool _anyHost;

    public HostOriginPolicy(IEnumerable<string> allowedHosts, IEnumerable<string> allowedOrigins)
    {
        var hosts = allowedHosts.Select(h => h.Trim()).Where(h => h.Length > 0).ToArray();
        _anyHost = hosts.Contains("*");
        _hosts = hosts.Length == 0 ? LoopbackHosts : hosts;
        _origins = new HashSet<string>(allowedOrigins.Select(NormalizeOrigin), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when the Host header (without port) is an allowed name.</summary>
    public bool IsHostAllowed(string? hostWithPort)
    {
        if (_anyHost)
        {
            return true;
        }

        var host = StripPort(hostWithPort);
        return host.Length > 0 && _hosts.Any(pattern => Matches(pattern, host));
    }

    /// <summary>
    /// True when there is no Origin (not a browser) or it is listed, or its host is an allowed host.
    /// </summary>
    public bool IsOriginAllowed(string? origin)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (_origins.Contains(NormalizeOrigin(origin)))
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && IsHostAllowed(uri.Authority);
    }

    private static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);

    private static string StripPort(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return string.Empty;
        }

        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']');
            return close < 0 ? host : host[..(close + 1)];
        }

        var colon = host.LastIndexOf(':');
        return colon >= 0 && host.IndexOf(':') == colon ? host[..colon] : host;
    }

    private static string NormalizeOrigin(string origin) => origin.Trim().TrimEnd('/');
}
