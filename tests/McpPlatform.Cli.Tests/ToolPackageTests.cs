using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Authentication;

namespace McpPlatform.Cli.Tests;

public sealed class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Pack_produces_a_dotnet_tool_named_mcp_platform_that_runs()
    {
        // The build that produced these tests also built the CLI in the same configuration: pack that, without rebuilding.
        var configuration = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var output = _folder.Combine("packages");
        (await ChildProcess.RunAsync(
            "dotnet",
            ["pack", Path.Combine(RepositoryLayout.Root, "src", "McpPlatform.Cli"), "-c", configuration, "--no-build", "--nologo", "-o", output],
            RepositoryLayout.Root,
            DotnetEnvironment.ForChildProcess(),
            PackTimeout)).EnsureSuccess();

        var package = Assert.Single(Directory.GetFiles(output, "McpPlatform.Cli.*.nupkg"));
        var extracted = _folder.Combine("extracted");
        ZipFile.ExtractToDirectory(package, extracted);

        var nuspec = XDocument.Load(Assert.Single(Directory.GetFiles(extracted, "*.nuspec")));
        Assert.Contains(nuspec.Descendants(), e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool");

        var settingsFile = Assert.Single(Directory.GetFiles(Path.Combine(extracted, "tools"), "DotnetToolSettings.xml", SearchOption.AllDirectories));
        var command = Assert.Single(XDocument.Load(settingsFile).Descendants("Command"));
        Assert.Equal("mcp-platform", (string?)command.Attribute("Name"));
        Assert.Equal("mcp-platform.dll", (string?)command.Attribute("EntryPoint"));
        var toolFolder = Path.GetDirectoryName(settingsFile)!;
        Assert.True(File.Exists(Path.Combine(toolFolder, "mcp-platform.dll")));

        // The packed tool runs on its own, reads the key-file environment variable and mints a token.
        var keyFile = _folder.Combine("dev-issuer.json");
        var environment = new Dictionary<string, string?>(DotnetEnvironment.ForChildProcess()) { [DevelopmentIssuer.KeyFileEnvironmentVariable] = keyFile };
        using var tool = ChildProcess.Start(
            "dotnet", [Path.Combine(toolFolder, "mcp-platform.dll"), "dev-token", "--subject", "packed", "--json"], _folder.Path, environment);
        Assert.True(await tool.WaitForExitAsync(RunTimeout), $"The packed tool did not finish within {RunTimeout}:\n{tool.OutputTail()}");
        Assert.True(tool.ExitCode == 0, $"The packed tool exited with {tool.ExitCode}:\n{tool.Output}");
        Assert.True(File.Exists(keyFile), $"The packed tool did not honour {DevelopmentIssuer.KeyFileEnvironmentVariable}:\n{tool.Output}");
        Assert.Contains("\"issuer\": \"" + DevelopmentIssuer.IssuerName + "\"", tool.Output);
    }
}
