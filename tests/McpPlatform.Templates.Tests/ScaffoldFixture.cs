namespace McpPlatform.Templates.Tests;

/// <summary>
/// Installs the packed template into an isolated hive and instantiates it once as
/// <c>dotnet new mcp-governed -n Acme.Jira</c> in a temporary folder, restoring the platform
/// packages from artifacts/packages through the scaffold's own nuget.config.
/// </summary>
public sealed class ScaffoldFixture : IAsyncLifetime
{
    public const string ProjectName = "Acme.Jira";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    public string WorkRoot { get; } = Path.Combine(Path.GetTempPath(), "mcp-platform-template-" + Guid.NewGuid().ToString("N")[..8]);

    public string Hive => Path.Combine(WorkRoot, "hive");

    public string ProjectDirectory => Path.Combine(WorkRoot, ProjectName);

    /// <summary>
    /// A NuGet cache of our own: the platform packages keep one version while their content
    /// changes, so a shared cache would serve yesterday's build.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; private set; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkRoot);
        Environment = DotnetEnvironment.Isolated();

        await DotnetAsync(WorkRoot, "new", "install", RepositoryLayout.PackedFile("McpPlatform.Templates.*.nupkg"), "--debug:custom-hive", Hive);
        await DotnetAsync(WorkRoot, "new", "nugetconfig", "-o", ProjectDirectory);
        await DotnetAsync(ProjectDirectory, "nuget", "add", "source", RepositoryLayout.PackageFeed, "-n", "mcp-platform-local", "--configfile", "nuget.config");
        await DotnetAsync(WorkRoot, "new", "mcp-governed", "-n", ProjectName, "-o", ProjectDirectory, "--debug:custom-hive", Hive);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
            // A server process that is still shutting down may hold a file; the OS temp cleaner gets it.
        }

        return Task.CompletedTask;
    }

    /// <summary>The version eng/pack.sh packed the platform with (from the Hosting package's file name).</summary>
    public static string PlatformVersion
    {
        get
        {
            // "?": the version's first digit, so McpPlatform.Hosting.Redis.* and .AuthorizationServer.* do not match.
            var hosting = Path.GetFileName(RepositoryLayout.PackedFile("McpPlatform.Hosting.?.*.nupkg"));
            return hosting["McpPlatform.Hosting.".Length..^".nupkg".Length];
        }
    }

    /// <summary>
    /// <c>dotnet new mcp-governed</c> with <paramref name="options"/> into <paramref name="directory"/>,
    /// without restoring (the build restores from the warm shared cache), with the fixture's nuget.config.
    /// </summary>
    internal Task<CommandResult> InstantiateAsync(string directory, string name, TemplateOptions options) =>
        InstantiateAsync("mcp-governed", directory, name, options);

    /// <summary><c>dotnet new <paramref name="template"/></c> (another template of the same pack, e.g. <c>mcp-portal</c>) the same way.</summary>
    internal async Task<CommandResult> InstantiateAsync(string template, string directory, string name, TemplateOptions options)
    {
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(ProjectDirectory, "nuget.config"), Path.Combine(directory, "nuget.config"), overwrite: true);
        return await DotnetAsync(WorkRoot, ["new", template, "-n", name, "-o", directory, "--no-restore", .. options.Arguments(), "--debug:custom-hive", Hive]);
    }

    internal async Task<CommandResult> DotnetAsync(string workingDirectory, params string[] arguments) =>
        (await ChildProcess.RunAsync("dotnet", arguments, workingDirectory, Environment, CommandTimeout)).EnsureSuccess();
}
