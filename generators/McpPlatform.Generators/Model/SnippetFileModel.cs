namespace McpPlatform.Generators.Model
{
    /// <summary>
    /// The <c>snippets.mcp-snippets.json</c> additional file, written by the build's CheckMcpSnippets task: the project's
    /// checked snippets. Kept as text so the incremental pipeline compares strings.
    /// </summary>
    internal sealed record SnippetFileModel(string Path, string Text);
}
