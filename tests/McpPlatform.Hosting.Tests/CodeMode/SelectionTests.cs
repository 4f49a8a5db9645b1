using McpPlatform.Governance;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Hosting.CodeMode;
using McpPlatform.Hosting.Tests.Server;
using ModelContextProtocol;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>Which surface a connection sees: the codemode query on the MCP URL, else the configured default.</summary>
public sealed class SelectionTests
{
    private static readonly string[] SurfaceTools = ["execute", "search"];

    [Theory]
    [InlineData(McpSessionMode.Stateless)]
    [InlineData(McpSessionMode.Stateful)]
    public async Task The_query_selects_exactly_search_and_execute(McpSessionMode mode)
    {
        await using var server = await RunningServer.StartAsync(options => options.SessionMode = mode);
        await using var client = await server.ConnectCodeModeAsync();

        var tools = await client.ListToolsAsync();
        var executed = await client.ExecuteAsync("return await codemode.echo({ text: 'through code mode' });");

        Assert.Equal(SurfaceTools, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal("through code mode", executed.Result().GetString());
    }

    [Fact]
    public async Task Without_the_query_the_plain_tool_list_is_served_and_search_and_execute_are_unknown()
    {
        await using var server = await RunningServer.StartAsync();
        await using var client = await server.ConnectCodeModeAsync(value: null);

        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToArray();
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.ExecuteAsync("return 1;"));

        Assert.Contains("echo", tools);
        Assert.DoesNotContain("execute", tools);
        Assert.DoesNotContain("search", tools);
        Assert.Contains("Unknown tool: 'execute'", error.Message);
    }

    [Fact]
    public async Task The_configured_default_applies_without_a_query_and_codemode_false_overrides_it()
    {
        await using var server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["McpPlatform:CodeMode:Default"] = "search_and_execute",
        });
        await using var byDefault = await server.ConnectCodeModeAsync(value: null);
        await using var plain = await server.ConnectCodeModeAsync(value: "false");

        var defaultTools = await byDefault.ListToolsAsync();
        var plainTools = (await plain.ListToolsAsync()).Select(t => t.Name).ToArray();
        var echoed = await plain.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "plain" });

        Assert.Equal(SurfaceTools, defaultTools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains("echo", plainTools);
        Assert.DoesNotContain("execute", plainTools);
        Assert.Equal("plain", CodeModeClients.Text(echoed));
    }

    [Fact]
    public async Task In_code_mode_a_real_tool_name_is_unknown_like_any_other()
    {
        await using var server = await RunningServer.StartAsync();
        await using var client = await server.ConnectCodeModeAsync();
        await using var plain = await server.ConnectClientAsync();

        var inCodeMode = await Assert.ThrowsAsync<McpProtocolException>(
            () => client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "x" }).AsTask());
        var unknownInPlainMode = await Assert.ThrowsAsync<McpProtocolException>(
            () => plain.CallToolAsync("no_such_tool", new Dictionary<string, object?>()).AsTask());

        Assert.Contains("Unknown tool: 'echo'", inCodeMode.Message);
        Assert.Equal(unknownInPlainMode.ErrorCode, inCodeMode.ErrorCode);
    }

    [Fact]
    public async Task Code_mode_switched_off_ignores_the_query()
    {
        await using var server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["McpPlatform:CodeMode:Enabled"] = "false",
        });
        await using var client = await server.ConnectCodeModeAsync();

        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToArray();

        Assert.Contains("echo", tools);
        Assert.DoesNotContain("execute", tools);
    }

    [Fact]
    public async Task An_unknown_query_value_is_a_clear_error()
    {
        await using var server = await RunningServer.StartAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var client = await server.ConnectCodeModeAsync(value: "maybe");
            await client.ListToolsAsync();
        });

        Assert.Contains("codemode", error.Message);
    }

    [Fact]
    public void The_surface_has_two_tools_each_taking_only_code()
    {
        Assert.Equal(SurfaceTools, CodeModeSurface.Tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(CodeModeSurface.Tools, tool =>
        {
            Assert.Equal("object", tool.InputSchema.GetProperty("type").GetString());
            Assert.Equal("string", tool.InputSchema.GetProperty("properties").GetProperty("code").GetProperty("type").GetString());
            Assert.Equal(["code"], tool.InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains("async", tool.Description);
        });
    }

    [Theory]
    [InlineData("McpPlatform:CodeMode:Default", "sometimes")]
    [InlineData("McpPlatform:CodeMode:Timeout", "00:00:00")]
    [InlineData("McpPlatform:CodeMode:MaxStatements", "0")]
    [InlineData("McpPlatform:CodeMode:MemoryLimitBytes", "1000")]
    [InlineData("McpPlatform:CodeMode:MaxInnerCalls", "-1")]
    [InlineData("McpPlatform:CodeMode:MaxResultBytes", "10")]
    [InlineData("McpPlatform:CodeMode:MaxConcurrentExecutionsPerCaller", "0")]
    public async Task A_bad_limit_fails_start_up_naming_the_setting(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => RunningServer.StartAsync(settings: new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains(setting, error.Message);
    }
}
