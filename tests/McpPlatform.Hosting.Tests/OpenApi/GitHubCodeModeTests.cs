using System.Text.Json;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.ML.Tokenizers;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>
/// GitHub's REST API (api.github.com.json from npm @octokit/openapi, not written here) served as governed operations:
/// the surfaces stay small, search finds operations by what they do, and policy decides what a caller finds and calls.
/// </summary>
public sealed class GitHubCodeModeTests(GitHubServerFixture fixture) : IClassFixture<GitHubServerFixture>
{
    private static readonly Tokenizer O200k = TiktokenTokenizer.CreateForEncoding("o200k_base");
    private readonly RunningServer _server = fixture.Server;

    [Fact]
    public void The_document_has_over_a_thousand_operations_with_bounded_declarations()
    {
        var operations = OpenApiTestOperations.GitHub;

        Assert.True(operations.Count > 1_000, $"{operations.Count} operations");
        Assert.All(operations, o => Assert.InRange(McpPlatform.OpenApi.ApiOperationDescriptors.ToDescriptor(o, "github").TypeScript!.Length, 1, McpPlatform.OpenApi.OperationTypeScript.MaxLength));
    }

    [Fact]
    public async Task Both_surfaces_stay_under_500_o200k_tokens_with_every_github_operation()
    {
        await using var plain = await _server.ConnectClientAsync(GovernedPolicy.SupportAdmin);
        await using var codeMode = await _server.ConnectCodeModeAsync(caller: GovernedPolicy.SupportAdmin);

        var plainTools = await plain.ListToolsAsync();
        var codeModeTools = (await codeMode.ListToolsAsync()).Select(t => t.ProtocolTool).ToList();
        var surfaceInPlainList = plainTools.Where(t => t.Name is "search" or "execute").Select(t => t.ProtocolTool).ToList();

        Assert.DoesNotContain(plainTools, t => t.Name.StartsWith("github_", StringComparison.Ordinal));
        Assert.Equal(2, surfaceInPlainList.Count);
        Assert.InRange(Tokens(codeModeTools), 1, 499);
        Assert.Equal(Tokens(codeModeTools), Tokens(surfaceInPlainList));
    }

    [Fact]
    public async Task Search_finds_the_operation_that_creates_an_issue_with_its_method_path_and_signature()
    {
        await using var client = await _server.ConnectCodeModeAsync(caller: GovernedPolicy.SupportAdmin with { Groups = [GitHubServerFixture.WritersGroup] });

        var result = await client.SearchAsync("async () => codemode.search('create an issue', { limit: 3 })");

        var first = result.Result().EnumerateArray().First();
        Assert.Equal("github_issues_create", first.GetProperty("name").GetString());
        Assert.Equal(("POST", "/repos/{owner}/{repo}/issues", "write"), (first.GetProperty("method").GetString(), first.GetProperty("path").GetString(), first.GetProperty("access").GetString()));
        Assert.Equal(["issues"], first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.Contains("github_issues_create(args: { owner: string; repo: string; body: { title: number | string; body?: string;", first.GetProperty("typescript").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_are_default_denied_a_reader_neither_finds_nor_calls_them()
    {
        await using var client = await _server.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);

        var found = await client.SearchAsync("async () => codemode.search('create an issue', { limit: 50 }).map(t => t.access)");
        var called = await client.ExecuteAsync("async () => { try { await codemode.github_issues_create({ owner: 'o', repo: 'r', body: { title: 't' } }); return 'called'; } catch (e) { return e.message; } }");
        var read = await client.ExecuteAsync("async () => (await codemode.github_issues_get({ owner: 'o', repo: 'r', issue_number: 1 })).path");

        Assert.NotEmpty(found.Result().EnumerateArray());
        Assert.All(found.Result().EnumerateArray(), a => Assert.Equal("read", a.GetString()));
        Assert.StartsWith("denied by policy:", called.Result().GetString(), StringComparison.Ordinal);
        Assert.Equal("/repos/{owner}/{repo}/issues/{issue_number}", read.Result().GetString());
    }

    [Fact]
    public async Task The_full_list_is_refused_with_a_catchable_error_that_points_to_search()
    {
        await using var client = await _server.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);

        var result = await client.SearchAsync("async () => { try { return codemode.tools().length; } catch (e) { return e.name + ': ' + e.message; } }");

        var text = result.Result().GetString()!;
        Assert.StartsWith("RangeError: The list (", text, StringComparison.Ordinal);
        Assert.Contains("codemode.search(query) returns only the best matches", text, StringComparison.Ordinal);
    }

    private static int Tokens(IReadOnlyList<Tool> tools) =>
        O200k.CountTokens(JsonSerializer.Serialize(new ListToolsResult { Tools = [.. tools] }, McpJsonUtilities.DefaultOptions));
}
