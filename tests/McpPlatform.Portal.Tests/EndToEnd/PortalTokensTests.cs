using System.Text.Json;
using McpPlatform.Cli;
using static McpPlatform.Portal.Tests.EndToEnd.TypeScriptClient;

namespace McpPlatform.Portal.Tests.EndToEnd;

/// <summary>
/// <c>mcp-platform tokens --url</c> measures a running portal: the native list of every upstream tool this caller may
/// use against the Code Mode pair that replaces it, which stays within the platform's 450-token budget.
/// </summary>
[Collection(PortalWorldCollection.Name)]
public sealed class PortalTokensTests(PortalWorld world)
{
    private const int CodeModeBudget = 450;

    [Fact]
    public async Task Tokens_measures_the_running_portal_natively_and_in_Code_Mode()
    {
        var token = world.EmployeeToken();
        var listed = (await RunAsync(world.Portal.McpUri, token, List())).ToolNames(0);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(["tokens", "--url", world.Portal.McpUri.AbsoluteUri, "--token", token, "--json"], stdout, stderr);

        Assert.True(exitCode == 0, $"mcp-platform tokens exited with {exitCode}: {stderr}");
        using var json = JsonDocument.Parse(stdout.ToString());
        var root = json.RootElement;
        Assert.Equal(listed.Count, root.GetProperty("tools").GetInt32());
        Assert.Equal(["search", "execute"], root.GetProperty("codeModeTools").EnumerateArray().Select(e => e.GetString()));
        var o200k = root.GetProperty("encodings").EnumerateArray().Single(e => e.GetProperty("encoding").GetString() == "o200k_base");
        Assert.InRange(o200k.GetProperty("codeModeTokens").GetInt32(), 1, CodeModeBudget);
        Assert.True(o200k.GetProperty("nativeTokens").GetInt32() > o200k.GetProperty("codeModeTokens").GetInt32());
        Assert.DoesNotContain(token, stdout.ToString() + stderr, StringComparison.Ordinal);
    }
}
