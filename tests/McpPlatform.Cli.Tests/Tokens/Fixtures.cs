using McpPlatform.Fixtures.LargeApi;
using McpPlatform.Fixtures.Workplace;

namespace McpPlatform.Cli.Tests.Tokens;

/// <summary>The built fixture server assemblies (copied beside the tests by their project references).</summary>
internal static class Fixtures
{
    /// <summary>The 52-tool workplace catalog: issue tracker, drive, wiki and code host.</summary>
    public static string WorkplaceAssembly => typeof(WorkplaceCatalog).Assembly.Location;

    /// <summary>How many of the workplace tools are Read tools (granted to every caller by default).</summary>
    public static int WorkplaceCatalogReadTools => WorkplaceCatalog.Catalog.Descriptors.Count(d => d.Access == McpPlatform.ToolAccess.Read);

    /// <summary>The 520-tool cloud administration API.</summary>
    public static string LargeApiAssembly => typeof(LargeApiCatalog).Assembly.Location;
}
