namespace McpPlatform.Governance.Security;

/// <summary>
/// <c>McpPlatform:ForwardedHeaders</c>: whether the server believes <c>X-Forwarded-Proto</c>,
/// <c>X-Forwarded-Host</c> and <c>X-Forwarded-For</c> from a reverse proxy (a TLS-terminating
/// ingress), and from which addresses. Off by default: a client that can reach the server
/// directly could otherwise claim any scheme, host or address.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Believe the headers from the known proxies. Default: off.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Proxy addresses (e.g. <c>10.0.0.5</c>, or <c>127.0.0.1</c> for a proxy on the same host) whose
    /// headers are believed. Nothing is trusted by default, loopback included: with
    /// <see cref="Enabled"/> on, this or <see cref="KnownNetworks"/> must name the proxy.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form (e.g. <c>10.0.0.0/24</c>) whose headers are believed.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxy hops are read from the end of each header; 1 (one proxy) by default, at most 10.</summary>
    public int ForwardLimit { get; set; } = 1;
}
