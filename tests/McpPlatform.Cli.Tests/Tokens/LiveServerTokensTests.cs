using System.Text.Json;
using McpPlatform.Cli.Tokens;
using Xunit.Abstractions;

namespace McpPlatform.Cli.Tests.Tokens;

/// <summary><c>mcp-platform tokens --url</c> against the workplace fixture served on Kestrel, listed by the official MCP client.</summary>
public sealed class LiveServerTokensTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Url_of_a_running_server_measures_its_plain_list_and_its_Code_Mode_list()
    {
        await using var server = await WorkplaceServer.StartAsync();
        var token = server.MintToken();

        var run = (await CliRun.RunAsync("tokens", "--url", server.McpUri.AbsoluteUri, "--token", token, "--json")).EnsureSuccess();

        output.WriteLine(run.Stdout);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(server.McpUri.AbsoluteUri, root.GetProperty("source").GetString());
        Assert.Equal(52, root.GetProperty("tools").GetInt32());
        Assert.Equal(["search", "execute"], root.GetProperty("codeModeTools").EnumerateArray().Select(e => e.GetString()));

        // Same Code Mode surface as offline; the live native list adds the idempotentHint the manifest lacks.
        var offline = TokenMeasurement.Of(OfflineSurfaces.Load(Fixtures.WorkplaceAssembly));
        foreach (var (live, expected) in root.GetProperty("encodings").EnumerateArray().Zip(offline.Encodings))
        {
            Assert.Equal(expected.Encoding, live.GetProperty("encoding").GetString());
            Assert.Equal(expected.CodeMode, live.GetProperty("codeModeTokens").GetInt32());
            var native = live.GetProperty("nativeTokens").GetInt32();
            Assert.InRange(native, expected.Native + 1, expected.Native + (52 * 8));
            Assert.True(live.GetProperty("reductionPercent").GetDouble() >= 94);
        }

        Assert.DoesNotContain(token, run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task Caller_sees_and_counts_only_the_tools_policy_lets_it_call()
    {
        await using var server = await WorkplaceServer.StartAsync();
        var readOnly = server.MintToken(groups: [], scopes: ["mcp:read"]);

        var run = (await CliRun.RunAsync("tokens", "--url", server.McpUri.AbsoluteUri, "--token", readOnly, "--json")).EnsureSuccess();

        using var json = JsonDocument.Parse(run.Stdout);
        var readTools = Fixtures.WorkplaceCatalogReadTools;
        Assert.Equal(readTools, json.RootElement.GetProperty("tools").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("for this caller", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Url_without_a_token_is_refused_with_a_hint()
    {
        await using var server = await WorkplaceServer.StartAsync();

        var run = await CliRun.RunAsync("tokens", "--url", server.McpUri.AbsoluteUri);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(
            $"error: {server.McpUri.AbsoluteUri} answered 401 Unauthorized; pass --token (for a Development server: --token \"$(mcp-platform dev-token --audience {server.McpUri.AbsoluteUri})\").",
            run.Stderr.Trim());
    }

    [Fact]
    public async Task Token_for_another_audience_is_refused_without_echoing_it()
    {
        await using var server = await WorkplaceServer.StartAsync();
        await using var other = await WorkplaceServer.StartAsync();
        var foreign = other.MintToken();

        var run = await CliRun.RunAsync("tokens", "--url", server.McpUri.AbsoluteUri, "--token", foreign);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("401 Unauthorized; the token was rejected", run.Stderr);
        Assert.DoesNotContain(foreign, run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task Server_with_Code_Mode_disabled_is_reported_as_a_failure()
    {
        await using var server = await WorkplaceServer.StartAsync(new Dictionary<string, string?> { ["McpPlatform:CodeMode:Enabled"] = "false" });

        var run = await CliRun.RunAsync("tokens", "--url", server.McpUri.AbsoluteUri, "--token", server.MintToken());

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(
            "error: the server did not switch to Code Mode: tools/list with ?codemode=search_and_execute returned 52 tools instead of search and execute. "
            + "Is Code Mode enabled (McpPlatform:CodeMode:Enabled)?",
            run.Stderr.Trim());
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/mcp", "http://127.0.0.1:5080/mcp?codemode=false")]
    [InlineData("http://127.0.0.1:5080/mcp?tenant=a", "http://127.0.0.1:5080/mcp?tenant=a&codemode=false")]
    [InlineData("http://127.0.0.1:5080/mcp?CodeMode=search_and_execute&tenant=a", "http://127.0.0.1:5080/mcp?tenant=a&codemode=false")]
    public void Surface_selection_replaces_any_codemode_the_url_already_has(string url, string expected) =>
        Assert.Equal(expected, LiveServerSurfaces.WithCodeMode(new Uri(url), "false").AbsoluteUri);
}
