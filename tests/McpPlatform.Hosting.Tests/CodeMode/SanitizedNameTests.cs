using System.Text.Json;
using McpPlatform.Governance.Policy;
using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>
/// Tools named <c>issues.search</c>, <c>delete</c> and <c>2fa-status</c> (see <see cref="DottedNameTools"/>),
/// end to end over HTTP: search shows the sanitized name beside the real one, execute calls them by it,
/// and the calls go through the same policy as direct ones.
/// </summary>
public sealed class SanitizedNameTests(CodeModeServerFixture fixture) : IClassFixture<CodeModeServerFixture>
{
    // mcp:read and no groups: Read tools by default-read, no grant for the destructive one.
    private static readonly TestCaller Reader = new("rita-reader", [], [TestCaller.ReadScope]);

    [Fact]
    public async Task Search_shows_each_sanitized_name_beside_its_real_name()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.SearchAsync(
            "async () => codemode.tools().filter(t => t.name !== t.realName).map(t => ({ name: t.name, realName: t.realName, access: t.access, typescript: t.typescript }))");

        var tools = result.Result().EnumerateArray().ToDictionary(t => t.GetProperty("realName").GetString()!);
        Assert.Equal(["2fa-status", "delete", "issues.search"], tools.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("issues_search", tools["issues.search"].GetProperty("name").GetString());
        Assert.Equal("delete_", tools["delete"].GetProperty("name").GetString());
        Assert.Equal("_2fa_status", tools["2fa-status"].GetProperty("name").GetString());
        Assert.Equal("destructive", tools["delete"].GetProperty("access").GetString());
        Assert.All(tools.Values, t => Assert.Contains(t.GetProperty("name").GetString() + "(", t.GetProperty("typescript").GetString()));
    }

    [Fact]
    public async Task Execute_calls_each_tool_by_its_sanitized_name()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("""
            async () => {
              const found = await codemode.issues_search({ query: 'printer' });
              const status = await codemode._2fa_status({ user: 'ada' });
              const deleted = await codemode.delete_({ key: found.keys[0] });
              const byRealName = await codemode['issues.search']({ query: 'vpn' });
              return { keys: found.keys, enabled: status.enabled, deleted, realNameKeys: byRealName.keys };
            }
            """);

        var value = result.Result();
        Assert.Equal(["I-1", "I-2"], value.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        Assert.True(value.GetProperty("enabled").GetBoolean());
        Assert.Equal("deleted I-1", value.GetProperty("deleted").GetString());
        Assert.Equal(["I-3"], value.GetProperty("realNameKeys").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task A_destructive_tool_under_a_sanitized_name_is_denied_by_policy_without_the_grant()
    {
        var invocations = fixture.Server.Services.GetRequiredService<ToolInvocations>();
        var before = invocations.Count("delete");
        await using var reader = await fixture.Server.ConnectCodeModeAsync(caller: Reader);

        var visible = (await reader.SearchAsync("return codemode.tools().map(t => t.name);")).Result().EnumerateArray().Select(e => e.GetString()).ToArray();
        var result = await reader.ExecuteAsync("""
            const found = await codemode.issues_search({ query: 'vpn' });
            try {
              await codemode.delete_({ key: found.keys[0] });
              return 'deleted';
            } catch (e) {
              return e.message;
            }
            """);

        Assert.Contains("issues_search", visible);
        Assert.Contains("_2fa_status", visible);
        Assert.DoesNotContain("delete_", visible);
        var message = result.Result().GetString()!;
        Assert.StartsWith($"denied by policy: {PolicyDecisionIds.DefaultDenyDestructive}.", message);
        Assert.Contains(await DirectDenialAsync(), message);
        Assert.Equal(before, invocations.Count("delete"));
    }

    // The reason a direct tools/call of "delete" by the same caller is refused with.
    private async Task<string> DirectDenialAsync()
    {
        await using var direct = await fixture.Server.ConnectClientAsync(Reader);
        var denied = await direct.CallToolAsync("delete", new Dictionary<string, object?> { ["key"] = "I-3" });
        var text = CodeModeClients.Text(denied);
        Assert.True(denied.IsError);
        const string Prefix = "Denied by policy: ";
        Assert.StartsWith(Prefix + PolicyDecisionIds.DefaultDenyDestructive, text);
        return text[Prefix.Length..];
    }
}
