using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Secrets;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>
/// The whole path with real parts: a server fronts a GitHub-shaped API on 127.0.0.1 with GitHub's published REST
/// description (<c>AddMcpOpenApi("github", api.github.com.json)</c>, the real OpenApiMcpTool, a Bearer credential from
/// the secret store), and the official TypeScript SDK client runs search, then execute, then hostile scripts.
/// </summary>
public sealed class GitHubEndToEndTests : IDisposable
{
    private const string SecretName = "github-token";
    private const string Secret = "ghp_e2eSecret7Lq2Zx9Vb3Nm8Rw4";
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(90);

    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-github-e2e-").FullName;

    [Fact]
    public async Task The_typescript_client_searches_then_executes_and_hostile_scripts_get_clear_audited_errors()
    {
        var audit = Path.Combine(_folder, "audit");
        await using var api = await GitHubLoopbackApi.StartAsync();
        JsonNode seen;
        await using (var server = await StartAsync(api, audit))
        {
            seen = await RunStepsAsync(server,
                ("search", "async () => codemode.search('create an issue', { limit: 3 }).map(t => ({ name: t.name, method: t.method, path: t.path, typescript: t.typescript }))"),
                ("execute", """
                    async () => {
                      const created = await codemode.github_issues_create({ owner: 'octo-org', repo: 'hello', body: { title: 'Found a bug', labels: ['bug'] } });
                      const again = await codemode.github_issues_get({ owner: 'octo-org', repo: 'hello', issue_number: created.number });
                      return { number: created.number, title: again.title, url: again.html_url };
                    }
                    """),
                ("execute", """
                    async () => {
                      const attempt = async (f) => { try { return 'ok: ' + JSON.stringify(await f()); } catch (e) { return 'error: ' + e.message; } };
                      return {
                        globals: [typeof fetch, typeof require, typeof process, typeof XMLHttpRequest, typeof WebSocket],
                        foreignOwner: await attempt(() => codemode.github_repos_get({ owner: 'http://evil.example/steal', repo: 'x' })),
                        climbing: await attempt(() => codemode.github_repos_get({ owner: '..', repo: '..' })),
                        echoedCredential: await attempt(() => codemode.github_users_get_authenticated()),
                        secretResource: await attempt(() => codemode.resources.read('secret://github-token')),
                        everything: Object.getOwnPropertyNames(globalThis).join(','),
                      };
                    }
                    """));
        }

        var tools = seen["tools"]!.AsArray().Select(t => (string?)t).Order(StringComparer.Ordinal);
        Assert.Equal(["execute", "search"], tools);

        var results = seen["results"]!.AsArray();
        var found = Result(results[0]).AsArray();
        Assert.Equal("github_issues_create", (string?)found[0]!["name"]);
        Assert.Equal(("POST", "/repos/{owner}/{repo}/issues"), ((string?)found[0]!["method"], (string?)found[0]!["path"]));
        Assert.Contains("github_issues_create(args: { owner: string; repo: string; body: {", (string?)found[0]!["typescript"], StringComparison.Ordinal);

        var executed = Result(results[1]);
        Assert.Equal(GitHubLoopbackApi.IssueNumber, (int?)executed["number"]);
        Assert.Equal("Found a bug", (string?)executed["title"]);

        var hostile = Result(results[2]);
        Assert.Equal(["undefined", "undefined", "undefined", "undefined", "undefined"], hostile["globals"]!.AsArray().Select(g => (string?)g));
        // A foreign URL in a path parameter is one escaped segment on the configured host: the API answers 404, nothing leaves.
        Assert.StartsWith("error: ", (string?)hostile["foreignOwner"], StringComparison.Ordinal);
        Assert.Contains("404", (string?)hostile["foreignOwner"], StringComparison.Ordinal);
        Assert.Contains("GET /repos/http%3A%2F%2Fevil.example%2Fsteal/x", api.Requests);
        Assert.Contains("must not be empty, '.' or '..'", (string?)hostile["climbing"], StringComparison.Ordinal);
        Assert.DoesNotContain(api.Requests, r => r.Contains("..", StringComparison.Ordinal));
        Assert.Contains("token seen: Bearer [credential]", (string?)hostile["echoedCredential"], StringComparison.Ordinal);
        Assert.StartsWith("error: ", (string?)hostile["secretResource"], StringComparison.Ordinal);

        // Nothing the client saw carries the credential or where the API lives.
        var everything = seen.ToJsonString();
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain($"127.0.0.1:{api.Root.Port}", everything, StringComparison.Ordinal);
        Assert.Equal(["POST /repos/octo-org/hello/issues", $"GET /repos/octo-org/hello/issues/{GitHubLoopbackApi.IssueNumber}"], api.Requests.Take(2));

        // Every inner call has its own audit record under its execution, refused and failed ones included.
        var trail = AuditTrail.Read(audit);
        var inner = trail.Requests.Where(r => r.Fields.TryGetProperty("ParentId", out var parent) && parent.ValueKind == JsonValueKind.String).ToList();
        Assert.Contains(inner, r => r.Tool == "github_issues_create" && r.Outcome == "ok");
        Assert.Equal(2, inner.Count(r => r.Tool == "github_repos_get" && r.Outcome != "ok"));
        Assert.Contains(inner, r => r.Tool == "github_users_get_authenticated");
        Assert.All(Directory.EnumerateFiles(audit, "*", SearchOption.AllDirectories).Select(File.ReadAllText), text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonNode Result(JsonNode? callResult)
    {
        Assert.NotEqual(true, (bool?)callResult!["isError"]);
        return callResult["structuredContent"]!["result"]!;
    }

    private async Task<JsonNode> RunStepsAsync(RunningServer server, params (string Tool, string Code)[] steps)
    {
        var stepsFile = Path.Combine(_folder, "steps.json");
        await File.WriteAllTextAsync(stepsFile, JsonSerializer.Serialize(steps.Select(s => new { tool = s.Tool, code = s.Code })));
        var run = await ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [Path.Combine(RepositoryLayout.NodeFolder, "codemode-steps.mjs"), server.CodeModeUri().AbsoluteUri, stepsFile],
            RepositoryLayout.NodeFolder,
            new Dictionary<string, string?> { ["MCP_TOKEN"] = server.MintToken() },
            ClientTimeout);
        run.EnsureSuccess();
        return JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
    }

    private static Task<RunningServer> StartAsync(GitHubLoopbackApi api, string auditFolder) => RunningServer.StartAsync(new ServerSetup
    {
        AuditDirectory = auditFolder,
        Settings = new Dictionary<string, string?>
        {
            ["McpPlatform:OpenApi:Apis:github:BaseUrl"] = api.Root.AbsoluteUri,
            ["McpPlatform:OpenApi:Apis:github:Credential:Kind"] = "Bearer",
            ["McpPlatform:OpenApi:Apis:github:Credential:Secret"] = SecretName,
            ["McpPlatform:OpenApi:Apis:github:Retries"] = "0",
        },
        Services = services => services.AddSingleton<ISecretProvider>(new OneSecret()),
        BeforePlatform = builder => builder.AddMcpOpenApi("github", OpenApiTestOperations.GitHubDocumentPath),
    });

    private sealed class OneSecret : ISecretProvider
    {
        public string Name => "test-store";

        public ValueTask<SecretValue?> GetSecretAsync(string name, CancellationToken cancellationToken) =>
            ValueTask.FromResult(name == SecretName ? new SecretValue(Secret, "1") : null);
    }
}
