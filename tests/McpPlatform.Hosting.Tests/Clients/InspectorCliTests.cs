using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Clients;

/// <summary>
/// The MCP Inspector's CLI mode (npm @modelcontextprotocol/inspector, `--cli`, from eng/node) against a
/// server with OAuth on: the commands docs/clients.md gives, with a bearer token and without one.
/// </summary>
public sealed class InspectorCliTests : IDisposable
{
    private const int AuthRequiredExitCode = 3;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    // The Inspector keeps a catalog and OAuth state under $HOME/.mcp-inspector: give each run a fresh
    // home so nothing stored by an earlier run (or a developer) signs it in.
    private readonly string _home = Directory.CreateTempSubdirectory("inspector-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Inspector_cli_lists_and_calls_tools_with_a_bearer_token()
    {
        await using var server = await RunningServer.StartAsync();
        var header = "Authorization: Bearer " + server.MintToken();

        var listed = await RunInspectorAsync(server, "list.json", "--method", "tools/list", "--header", header);
        var tools = listed["tools"]!.AsArray().Select(tool => (string?)tool!["name"]).ToList();
        Assert.Contains("whoami", tools);
        Assert.Contains("echo", tools);

        var called = await RunInspectorAsync(
            server, "call.json", "--method", "tools/call", "--tool-name", "echo", "--tool-arg", "text=from the Inspector", "--header", header);
        Assert.NotEqual(true, (bool?)called["isError"]);
        Assert.Equal("from the Inspector", (string?)called["content"]![0]!["text"]);
    }

    [Fact]
    public async Task Inspector_cli_without_a_token_is_refused()
    {
        await using var server = await RunningServer.StartAsync();
        var output = Path.Combine(_home, "refused.json");

        // --stored-auth-only: fail instead of starting the interactive (browser) OAuth flow.
        var run = await StartInspectorAsync(server, output, "--method", "tools/list", "--stored-auth-only");

        // The Inspector CLI's exit code 3 and error code "auth_required" mean the server answered 401/403.
        Assert.True(run.ExitCode == AuthRequiredExitCode, run.Output);
        Assert.Contains("auth_required", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(output) && File.ReadAllText(output).Contains("\"tools\"", StringComparison.Ordinal), run.Output);
    }

    private async Task<JsonNode> RunInspectorAsync(RunningServer server, string outputName, params string[] arguments)
    {
        var output = Path.Combine(_home, outputName);
        (await StartInspectorAsync(server, output, arguments)).EnsureSuccess();
        return JsonNode.Parse(File.ReadAllText(output))!;
    }

    private Task<CommandResult> StartInspectorAsync(RunningServer server, string output, params string[] arguments) =>
        ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [InspectorLauncher(), "--cli", server.McpUri.AbsoluteUri, "--transport", "http", "--format", "json", "--output", output, .. arguments],
            _home,
            new Dictionary<string, string?> { ["HOME"] = _home, ["MCP_CATALOG_PATH"] = null, ["MCP_CLIENT_CONFIG_PATH"] = null },
            RunTimeout);

    private static string InspectorLauncher()
    {
        var launcher = Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "inspector", "clients", "launcher", "build", "index.js");
        return File.Exists(launcher)
            ? launcher
            : throw new InvalidOperationException($"The MCP Inspector was not found at {launcher}. Run `npm ci --prefix eng/node` from the repository root.");
    }
}
