namespace McpPlatform.Portal.Configuration;

/// <summary>
/// One HTTP API the portal fronts from its OpenAPI document (<c>McpPlatform:Portal:OpenApiUpstreams:&lt;namespace&gt;</c>).
/// Its operations are called by the portal host-side exactly as a server calls them (OpenApiMcpTool), so the base URL,
/// the credential from the secret store, the timeouts and the size limit are the API's
/// <c>McpPlatform:OpenApi:Apis:&lt;namespace&gt;</c> settings.
/// </summary>
public sealed class OpenApiUpstreamOptions
{
    /// <summary>The OpenAPI 3.0/3.1 document (<c>.json</c>, <c>.yaml</c>, <c>.yml</c>), relative to the content root.</summary>
    public string? Document { get; set; }

    /// <summary>
    /// The operation names the portal offers (the names without the namespace, <c>get_item</c>); <c>*</c> offers every
    /// operation. An operation not listed is not offered, so a new version of the document adds nothing by itself.
    /// </summary>
    public string[] AllowedTools { get; set; } = [];

    /// <summary>
    /// Calls to this API across all callers in any sliding minute (0: no limit), taken by the portal's call gate as for an
    /// MCP upstream's <see cref="UpstreamOptions.CallsPerMinute"/>: a call over it is refused and audited as rate limited
    /// before a request is sent.
    /// </summary>
    public int CallsPerMinute { get; set; }
}
