using McpPlatform.Hosting.Tools;

namespace McpPlatform.Fixtures.Rollback;

/// <summary>The fixture's generated catalog, public so tests can serve it beside their own tools.</summary>
public static class RollbackCatalog
{
    /// <summary>The card tools, as the generator compiled them.</summary>
    public static McpToolCatalog Catalog => McpPlatform.Generated.GeneratedMcpToolCatalog.Instance;
}
