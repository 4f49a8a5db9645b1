using McpPlatform.Hosting.Tools;

namespace McpPlatform.Fixtures.Snippets;

/// <summary>The fixture's generated catalog, public so tests can serve it (its snippets join it in AddMcpPlatform).</summary>
public static class SnippetsCatalog
{
    /// <summary>The notes tools, as the generator compiled them (with the manifest that lists the snippets).</summary>
    public static McpToolCatalog Catalog => McpPlatform.Generated.GeneratedMcpToolCatalog.Instance;
}
