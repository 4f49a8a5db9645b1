namespace McpPlatform.Governance;

/// <summary>
/// Where per-user platform files live: under <c>mcp-platform</c> in the user's application data
/// folder (<c>~/.config</c> on Linux, <c>%APPDATA%</c> on Windows), outside any repository,
/// unless an environment variable names another path.
/// </summary>
internal static class UserDataPaths
{
    public static string Resolve(string environmentVariable, string relativePath)
    {
        var overridden = Environment.GetEnvironmentVariable(environmentVariable);
        return !string.IsNullOrWhiteSpace(overridden)
            ? Path.GetFullPath(overridden)
            : Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create),
                "mcp-platform",
                relativePath);
    }
}
