namespace McpPlatform.OpenApi.Tests;

/// <summary>
/// The OpenAPI library stays loadable by a build task and the CLI: no web host, no MCP SDK (the same wall the
/// governance core keeps).
/// </summary>
public sealed class OpenApiWallTests
{
    [Fact]
    public void The_library_references_neither_aspnetcore_nor_the_mcp_sdk()
    {
        var references = typeof(OpenApiOperationCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("Microsoft.OpenApi", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || r.StartsWith("ModelContextProtocol", StringComparison.Ordinal));
    }
}
