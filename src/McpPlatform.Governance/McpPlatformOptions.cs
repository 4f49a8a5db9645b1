namespace McpPlatform.Governance;

/// <summary>
/// Settings of a McpPlatform server, bound from the <c>McpPlatform</c> configuration section.
/// </summary>
public sealed class McpPlatformOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "McpPlatform";

    /// <summary>The server name reported to clients; the entry assembly's name by default.</summary>
    public string? ServerName { get; set; }

    /// <summary>The server version reported to clients; the entry assembly's version by default.</summary>
    public string? ServerVersion { get; set; }

    /// <summary>The route of the Streamable HTTP endpoint.</summary>
    public string Path { get; set; } = "/mcp";

    /// <summary>The route of the unauthenticated health probe.</summary>
    public string HealthPath { get; set; } = "/healthz";

    /// <summary>
    /// Stateless (default) scales out behind any load balancer; Stateful keeps an MCP session
    /// per client, which sampling, elicitation and per-session log levels need.
    /// </summary>
    public McpSessionMode SessionMode { get; set; } = McpSessionMode.Stateless;

    /// <summary>
    /// Host names (no port; <c>*.example.com</c> wildcards; <c>*</c> turns the check off) the
    /// server answers to. Empty means loopback only: localhost, 127.0.0.1 and [::1].
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>
    /// Browser origins (<c>https://app.example.com</c>) allowed to call the server besides
    /// origins on an allowed host. Requests without an Origin header (non-browser clients) pass.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Reverse-proxy headers (<c>X-Forwarded-Proto</c>, <c>-Host</c>, <c>-For</c>): off by default;
    /// when on, believed only from the listed proxies and networks, never by default (docs/arguments-and-proxies.md).
    /// </summary>
    public Security.ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>The default of <see cref="MaxRequestBodyBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// The largest request body the MCP endpoint reads, in bytes; a larger one is answered HTTP 413
    /// with a JSON-RPC error (and audited) before the server parses it.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}

/// <summary>How the server keeps MCP sessions.</summary>
public enum McpSessionMode
{
    /// <summary>Every request stands alone: no session id, no server-to-client requests.</summary>
    Stateless,

    /// <summary>One session per client (Mcp-Session-Id), needed for sampling, elicitation and logging levels.</summary>
    Stateful,
}
