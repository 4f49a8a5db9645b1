namespace McpPlatform.Portal.Tests.EndToEnd;

/// <summary>
/// The Node side of the end-to-end tests: Node 22 and the published MCP packages under eng/node, and this project's
/// own scripts (copied to EndToEnd/node beside the test binaries).
/// </summary>
internal static class NodePeers
{
    /// <summary>The Node executable eng/node ships.</summary>
    public static string Node => RepositoryLayout.NodeExecutable();

    /// <summary>The official TypeScript SDK package folder (the scripts import it by absolute path).</summary>
    public static string SdkDirectory => Package("sdk");

    /// <summary>@modelcontextprotocol/server-everything's entry point (argument: stdio, sse or streamableHttp).</summary>
    public static string EverythingServer => Path.Combine(Package("server-everything"), "dist", "index.js");

    /// <summary>@modelcontextprotocol/server-memory's entry point (stdio only; MEMORY_FILE_PATH names its store).</summary>
    public static string MemoryServer => Path.Combine(Package("server-memory"), "dist", "index.js");

    /// <summary>One of this project's scripts, e.g. portal-client.mjs.</summary>
    public static string Script(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "EndToEnd", "node", name);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the test project (it copies EndToEnd/node/*.mjs).");
    }

    private static string Package(string name)
    {
        var folder = Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", name);
        return Directory.Exists(folder)
            ? folder
            : throw new InvalidOperationException($"{folder} is missing. Run `npm ci --prefix eng/node` from the repository root (eng/test.sh does).");
    }
}
