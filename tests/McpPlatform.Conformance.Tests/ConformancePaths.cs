using System.Reflection;
using McpPlatform.Testing;

namespace McpPlatform.Conformance.Tests;

/// <summary>Where the conformance suite's CLI and the fixture server's build output are.</summary>
internal static class ConformancePaths
{
    /// <summary>The conformance suite's command-line entry point.</summary>
    public static string ConformanceCli()
    {
        var cli = Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "conformance", "dist", "index.js");
        return File.Exists(cli)
            ? cli
            : throw new InvalidOperationException($"The MCP conformance suite was not found at {cli}. Run `npm ci --prefix eng/node` from the repository root (eng/test.sh does).");
    }

    /// <summary>The fixture server's dll, as recorded by the build (see the test project file).</summary>
    public static string FixtureAssembly()
    {
        var path = typeof(ConformancePaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ConformanceFixturePath")?.Value;
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException("The test assembly does not record the fixture's path; build the test project with dotnet build/test.");
        }

        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The fixture was not built: {path} does not exist. Build tests/McpPlatform.Conformance.Tests.");
    }
}
