using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>
/// One server with every operation of GitHub's published REST description (1,000+) beside the sample tools, under the
/// governed test policy (writes default-denied: the rules in <see cref="GovernedPolicy"/>, and one granting GitHub writes to <see cref="WritersGroup"/>).
/// </summary>
public sealed class GitHubServerFixture : IAsyncLifetime
{
    /// <summary>The group a rule grants GitHub's write operations to (with mcp:write).</summary>
    public const string WritersGroup = "github-writers";

    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RunningServer.StartAsync(new ServerSetup
    {
        GrantTestCallerEverything = false,
        Settings = new Dictionary<string, string?>(GovernedPolicy.Settings)
        {
            ["McpPlatform:Policy:Rules:3:Name"] = "github-writers",
            ["McpPlatform:Policy:Rules:3:Groups:0"] = WritersGroup,
            ["McpPlatform:Policy:Rules:3:Tools:0"] = "github_*",
            ["McpPlatform:Policy:Rules:3:Access:0"] = "Write",
            ["McpPlatform:Policy:Rules:3:Scopes:0"] = TestCaller.WriteScope,
        },
        ExtraTools = OpenApiTestOperations.Tools(OpenApiTestOperations.GitHub, "github"),
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
