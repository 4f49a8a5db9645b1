using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;

namespace McpPlatform.Fixtures.Workplace;

/// <summary>The fixture's generated catalog, made public so tests can serve and measure it.</summary>
public static class WorkplaceCatalog
{
    /// <summary>The 52 tools, as the generator compiled them.</summary>
    public static McpToolCatalog Catalog => McpPlatform.Generated.GeneratedMcpToolCatalog.Instance;
}
