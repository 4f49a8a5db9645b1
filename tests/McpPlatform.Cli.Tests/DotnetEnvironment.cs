namespace McpPlatform.Cli.Tests;

/// <summary>Environment for the dotnet processes the tests start.</summary>
internal static class DotnetEnvironment
{
    public static IReadOnlyDictionary<string, string?> ForChildProcess() => new Dictionary<string, string?>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        // The test host runs under `dotnet test`, whose MSBuild variables must not steer a child build.
        ["MSBuildExtensionsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["MSBuildSDKsPath"] = null,
    };
}
