namespace McpPlatform.Templates.Tests;

/// <summary>Environment for dotnet commands run on a scaffold.</summary>
internal static class DotnetEnvironment
{
    /// <summary>
    /// Points NuGet at artifacts/nuget-cache after evicting the platform's own packages from it,
    /// so every run restores what eng/pack.sh just built; third-party packages stay cached. The
    /// .NET CLI home is fresh too: `dotnet tool restore` records where it put a local tool in the
    /// CLI home's tool resolver cache, and an entry left by another run (pointing at an evicted or
    /// foreign package folder) makes `dotnet tool run` refuse the tool.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Isolated()
    {
        var cache = Path.Combine(RepositoryLayout.Root, "artifacts", "nuget-cache");
        Directory.CreateDirectory(cache);
        foreach (var stale in Directory.GetDirectories(cache, "mcpplatform.*"))
        {
            Directory.Delete(stale, recursive: true);
        }

        var cliHome = Path.Combine(RepositoryLayout.Root, "artifacts", "dotnet-cli-home");
        if (Directory.Exists(cliHome))
        {
            Directory.Delete(cliHome, recursive: true);
        }

        Directory.CreateDirectory(cliHome);

        return new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = cache,
            ["DOTNET_CLI_HOME"] = cliHome,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            // The test host runs under `dotnet test`, whose MSBuild variables must not steer the scaffold's build.
            ["MSBuildExtensionsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBuildSDKsPath"] = null,
        };
    }
}
