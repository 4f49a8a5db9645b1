namespace McpPlatform.Governance.Tools;

/// <summary>Where a tool's descriptor came from; governance treats every origin alike.</summary>
public enum ToolOrigin
{
    /// <summary>Generated at compile time from an <c>[McpTool]</c> method (the default).</summary>
    Generated,

    /// <summary>A tool of an upstream MCP server this server fronts.</summary>
    Upstream,

    /// <summary>An operation of an OpenAPI document.</summary>
    OpenApi,

    /// <summary>A reviewed script of the project (<c>snippets/*.js</c>) run in the Code Mode sandbox.</summary>
    Snippet,
}
