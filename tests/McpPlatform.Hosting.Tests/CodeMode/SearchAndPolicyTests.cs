using System.Text.Json;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>
/// search shows a caller only the tools it may call; execute sends every inner call through the
/// same policy and data-loss rules as a direct call.
/// </summary>
public sealed class SearchAndPolicyTests(IssuerServerFixture fixture) : IClassFixture<IssuerServerFixture>
{
    private readonly RunningServer _server = fixture.Server;

    [Fact]
    public async Task Search_lists_definitions_with_names_access_schema_and_typescript()
    {
        await using var client = await _server.ConnectCodeModeAsync(caller: GovernedPolicy.SupportAdmin);

        var result = await client.SearchAsync("async () => codemode.tools().filter(t => t.name === 'add_numbers' || t.name === 'open_ticket')");

        var tools = result.Result().EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        var add = tools["add_numbers"];
        Assert.Equal("add_numbers", add.GetProperty("realName").GetString());
        Assert.Equal("Adds two integers.", add.GetProperty("description").GetString());
        Assert.Equal("read", add.GetProperty("access").GetString());
        Assert.Equal(JsonValueKind.Object, add.GetProperty("inputSchema").ValueKind);
        Assert.Equal("integer", add.GetProperty("inputSchema").GetProperty("properties").GetProperty("a").GetProperty("type").GetString());
        Assert.Contains("add_numbers(", add.GetProperty("typescript").GetString());
        Assert.Equal("write", tools["open_ticket"].GetProperty("access").GetString());
    }

    [Fact]
    public async Task A_caller_without_write_grants_does_not_discover_write_tools()
    {
        await using var reader = await _server.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);
        await using var writer = await _server.ConnectCodeModeAsync(caller: GovernedPolicy.SupportWriter);

        var readerTools = Names(await reader.SearchAsync("return codemode.tools().map(t => t.name);"));
        var writerTools = Names(await writer.SearchAsync("return codemode.tools().map(t => t.name);"));
        var readerKeys = Names(await reader.ExecuteAsync("return Object.keys(codemode);"));

        Assert.Contains("echo", readerTools);
        Assert.DoesNotContain("open_ticket", readerTools);
        Assert.DoesNotContain("delete_ticket", readerTools);
        Assert.DoesNotContain("open_ticket", readerKeys);
        Assert.Contains("open_ticket", writerTools);
        Assert.DoesNotContain("delete_ticket", writerTools);
    }

    [Fact]
    public async Task The_auditors_profile_sees_only_its_one_tool()
    {
        await using var auditor = await _server.ConnectCodeModeAsync(caller: GovernedPolicy.Auditor);

        var tools = Names(await auditor.SearchAsync("return codemode.tools().map(t => t.name);"));

        Assert.Equal(["get_ticket"], tools);
    }

    [Fact]
    public async Task An_inner_call_lacking_only_a_scope_throws_a_catchable_insufficient_scope_error_and_the_execution_asks_for_a_step_up()
    {
        await using var writer = await _server.ConnectCodeModeAsync(caller: GovernedPolicy.SupportWriter);

        var caught = await writer.ExecuteAsync("""
            try {
              await codemode.delete_ticket({ key: 'T-1' });
              return 'deleted';
            } catch (e) {
              return 'caught: ' + e.message;
            }
            """);
        var uncaught = await writer.ExecuteAsync("await codemode.delete_ticket({ key: 'T-1' }); return 'deleted';");

        var rule = await DirectDenialRuleAsync();
        foreach (var result in new[] { caught, uncaught })
        {
            Assert.True(result.IsError);
            var text = Assert.IsType<ModelContextProtocol.Protocol.TextContentBlock>(Assert.Single(result.Content)).Text;
            Assert.StartsWith("insufficient_scope: a tool this execution called needs scope \"", text, StringComparison.Ordinal);
            Assert.Contains($"denied by policy: {rule}", text, StringComparison.Ordinal);
            Assert.Equal("insufficient_scope", result.StructuredContent!.Value.GetProperty("error").GetString());
            Assert.Contains(TestCaller.DestructiveScope, result.StructuredContent.Value.GetProperty("scope").GetString()!.Split(' '));
        }

        // The script saw a catchable error naming the scope, and what it returned follows the step-up request.
        Assert.Contains("The execution returned: {\"result\":\"caught: insufficient_scope: delete_ticket needs scope", Text(caught), StringComparison.Ordinal);
        Assert.Contains("The execution failed: ", Text(uncaught), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_loss_rule_blocks_an_inner_call_as_it_blocks_a_direct_one()
    {
        await using var client = await _server.ConnectCodeModeAsync(caller: GovernedPolicy.SupportAdmin);
        var key = "AKIA" + "IOSFODNN7EXAMPLE";

        var result = await client.ExecuteAsync($$"""
            try {
              await codemode.echo({ text: 'my key is {{key}}' });
              return 'sent';
            } catch (e) {
              return e.message;
            }
            """);

        var message = result.Result().GetString()!;
        Assert.StartsWith("Blocked by data-loss rule", message);
        Assert.DoesNotContain(key, message);
    }

    [Fact]
    public async Task Search_cannot_call_tools()
    {
        await using var client = await _server.ConnectCodeModeAsync(caller: GovernedPolicy.SupportAdmin);

        var result = await client.SearchAsync("return typeof codemode.echo;");

        Assert.Equal("undefined", result.Result().GetString());
    }

    // The rule a direct tools/call of delete_ticket by the same caller is denied by. The caller lacks only a scope, so the
    // direct call is answered HTTP 403 insufficient_scope (step-up), naming the same rule; an inner call cannot be.
    private async Task<string> DirectDenialRuleAsync()
    {
        await using var direct = await _server.ConnectClientAsync(GovernedPolicy.SupportWriter);
        var denied = await Assert.ThrowsAsync<HttpRequestException>(
            () => direct.CallToolAsync("delete_ticket", new Dictionary<string, object?> { ["key"] = "T-1" }).AsTask());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, denied.StatusCode);
        const string Prefix = "Forbidden: denied by policy: ";
        var text = denied.Message[(denied.Message.IndexOf(Prefix, StringComparison.Ordinal) + Prefix.Length)..];
        return text[..text.IndexOf('.', StringComparison.Ordinal)];
    }

    private static string Text(ModelContextProtocol.Protocol.CallToolResult result) =>
        string.Concat(result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(block => block.Text));

    private static string[] Names(ModelContextProtocol.Protocol.CallToolResult result) =>
        result.Result().EnumerateArray().Select(e => e.GetString()!).ToArray();
}
