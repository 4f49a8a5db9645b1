using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;

namespace McpPlatform.Fixtures.LargeApi;

/// <summary>The fixture's generated catalog, made public so tests can serve and measure it.</summary>
public static class LargeApiCatalog
{
    /// <summary>The 520 tools, as the generator compiled them.</summary>
    public static McpToolCatalog Catalog => McpPlatform.Generated.GeneratedMcpToolCatalog.Instance;
}
