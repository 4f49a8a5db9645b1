namespace McpPlatform.Portal.Configuration;

/// <summary>
/// The portal (<c>McpPlatform:Portal</c>): the upstream MCP servers it fronts, keyed by namespace, and the audiences it
/// serves, each at its own path with its own narrowing of the tools on offer.
/// </summary>
public sealed class PortalOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "McpPlatform:Portal";

    /// <summary>
    /// The upstreams by namespace (lower-case letters, digits, '-'; the prefix of their tools: <c>jira</c> gives
    /// <c>jira_search</c>).
    /// </summary>
    public Dictionary<string, UpstreamOptions> Upstreams { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// HTTP APIs fronted from their OpenAPI documents, by namespace (<c>[a-z][a-z0-9_]</c>, not also an MCP upstream's):
    /// each offered operation is the tool <c>{namespace}_{operation}</c>. The API's base URL, credential and limits are
    /// its <c>McpPlatform:OpenApi:Apis:&lt;namespace&gt;</c> settings, as on a server (docs/openapi.md).
    /// </summary>
    public Dictionary<string, OpenApiUpstreamOptions> OpenApiUpstreams { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Extra endpoints, each for one audience (<c>finance</c> at <c>/finance/mcp</c> sees only the read tools of one
    /// upstream). The main endpoint (<c>McpPlatform:Path</c>) serves every tool policy grants.
    /// </summary>
    public Dictionary<string, PortalAudienceOptions> Audiences { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One audience's endpoint: its path and what it narrows the portal's tools to, on top of policy.</summary>
public sealed class PortalAudienceOptions
{
    /// <summary>The MCP endpoint path of this audience, e.g. <c>/finance/mcp</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>Tool patterns offered here (<c>jira_*</c>, <c>github/*</c>, exact names, <c>*</c>).</summary>
    public string[] Tools { get; set; } = [];

    /// <summary>The access classes offered here (<c>Read</c>, <c>Write</c>, <c>Destructive</c>); all when empty.</summary>
    public string[] Access { get; set; } = [];

    /// <summary>Groups a caller must be in (any of them) to use this endpoint at all; anyone with a valid token when empty.</summary>
    public string[] Groups { get; set; } = [];
}
