using McpPlatform.Fixtures.Snippets;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Snippets;

/// <summary>A server with the sample tools plus the snippets fixture's notes tools, whose snippets join the catalog.</summary>
internal static class SnippetServers
{
    public static ServerSetup Setup(ServerSetup? template = null) => (template ?? new ServerSetup()) with
    {
        ExtraTools = SnippetsCatalog.Catalog.Tools,
    };
}
