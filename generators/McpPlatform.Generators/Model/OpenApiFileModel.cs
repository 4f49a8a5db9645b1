namespace McpPlatform.Generators.Model
{
    /// <summary>
    /// One <c>&lt;namespace&gt;.mcp-openapi.json</c> additional file, written by the build's CheckMcpOpenApi task: the
    /// operations of a declared OpenAPI document. Kept as text so the incremental pipeline compares strings.
    /// </summary>
    internal sealed record OpenApiFileModel(string Path, string Text);
}
