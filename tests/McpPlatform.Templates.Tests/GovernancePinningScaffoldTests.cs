using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Templates.Tests;

/// <summary>
/// Pinning of the effective governance in a scaffolded server run as a process: approved as built, then started in
/// Production with an environment variable that switches rate limits off. The server refuses to start and names the
/// setting, both values and the environment variable that set it.
/// </summary>
[Collection(ScaffoldCollection.Name)]
public sealed class GovernancePinningScaffoldTests(ScaffoldFixture scaffold)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task An_environment_variable_switching_rate_limits_off_stops_the_production_server_naming_the_variable()
    {
        await scaffold.DotnetAsync(scaffold.ProjectDirectory, ["build", ScaffoldFixture.ProjectName + ".csproj", "--nologo"]);
        var approvedFolder = Directory.CreateTempSubdirectory("mcp-platform-governance-approval-").FullName;
        try
        {
            // Approved beside the shared scaffold, not in it: other tests run the same project.
            var approvedPath = Path.Combine(approvedFolder, ManifestFiles.ApprovedFileName);
            var manifest = ManifestDocument.Load(Path.Combine(scaffold.ProjectDirectory, ManifestFiles.ManifestFileName));
            ApprovedManifest.Create(manifest, "reviewer@example.com", DateTimeOffset.UnixEpoch).Write(approvedPath);
            var environment = new Dictionary<string, string?>(scaffold.Environment)
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["McpPlatform__Manifest__ApprovedPath"] = approvedPath,
                ["McpPlatform__Audit__Directory"] = Path.Combine(approvedFolder, "audit"),
                ["McpPlatform__Secrets__Provider"] = "local",
                ["McpPlatform__Secrets__AllowLocalStoreOutsideDevelopment"] = "true",
                ["McpPlatform__Secrets__LocalStoreDirectory"] = Path.Combine(approvedFolder, "secrets"),
                ["McpPlatform__RateLimits__Enabled"] = "false",
            };

            var run = await ChildProcess.RunAsync(
                "dotnet",
                ["run", "--no-build", "--no-launch-profile", "--", "--urls", $"http://127.0.0.1:{LoopbackServer.FreePort()}"],
                scaffold.ProjectDirectory,
                environment,
                StartTimeout);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("this server's effective governance is not approved, so it does not start in the 'Production' environment", run.Output);
            Assert.Contains(
                "[weaker] McpPlatform:RateLimits:Enabled: approved true, effective false (source: environment variable McpPlatform__RateLimits__Enabled): callers are not rate limited",
                run.Output);
        }
        finally
        {
            Directory.Delete(approvedFolder, recursive: true);
        }
    }
}
