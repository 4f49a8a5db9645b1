using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>
/// OpenAPI operations pass the one gate like generated tools: writes are denied by default and allowed by a policy rule,
/// data rules block arguments before the API is called and redact what the API answers.
/// </summary>
public sealed class OpenApiGovernanceTests
{
    private static readonly TestCaller Reader = new("rita-reader", [], [TestCaller.ReadScope]);
    private static readonly TestCaller Writer = new("walt-writer", ["inventory-writers"], [TestCaller.ReadScope, TestCaller.WriteScope]);

    [Fact]
    public async Task A_write_operation_is_denied_by_default_and_never_reaches_the_api()
    {
        await using var api = await LoopbackApi.StartAsync();
        await using var server = await OpenApiServer.StartAsync(api, grantEverything: false);
        await using var client = await server.ConnectClientAsync(Reader);

        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        var read = await client.CallAsync("inv_get_item", """{"itemId":"1"}""");
        var write = await client.CallAsync("inv_create_item", """{"body":{"name":"nope"}}""");

        Assert.Contains("inv_get_item", tools);
        Assert.DoesNotContain("inv_create_item", tools);
        Assert.DoesNotContain("inv_delete_item", tools);
        Assert.NotEqual(true, read.IsError);
        Assert.True(write.IsError);
        Assert.Contains("denied", write.SingleText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(api.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_policy_rule_allows_a_write_operation_to_its_group()
    {
        await using var api = await LoopbackApi.StartAsync();
        await using var server = await OpenApiServer.StartAsync(
            api,
            new Dictionary<string, string?>
            {
                ["McpPlatform:Policy:Rules:0:Name"] = "inventory-writers",
                ["McpPlatform:Policy:Rules:0:Groups:0"] = "inventory-writers",
                ["McpPlatform:Policy:Rules:0:Tools:0"] = "inv_create_item",
                ["McpPlatform:Policy:Rules:0:Access:0"] = "Write",
                ["McpPlatform:Policy:Rules:0:Scopes:0"] = TestCaller.WriteScope,
            },
            grantEverything: false);
        await using var writer = await server.ConnectClientAsync(Writer);
        await using var reader = await server.ConnectClientAsync(Reader);

        var allowed = await writer.CallAsync("inv_create_item", """{"body":{"name":"granted"}}""");
        var denied = await reader.CallAsync("inv_create_item", """{"body":{"name":"not granted"}}""");
        var destructive = await writer.CallAsync("inv_delete_item", """{"itemId":"1"}""");

        Assert.NotEqual(true, allowed.IsError);
        Assert.Contains("granted", allowed.SingleText());
        Assert.True(denied.IsError);
        Assert.True(destructive.IsError); // the rule grants Write on one tool, not Destructive
        Assert.Single(api.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Requests, r => r.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_data_rule_blocks_an_argument_before_the_call_and_redacts_the_answer()
    {
        await using var api = await LoopbackApi.StartAsync();
        await using var server = await OpenApiServer.StartAsync(api, new Dictionary<string, string?>
        {
            ["McpPlatform:Dlp:Rules:0:Name"] = "internal-codes",
            ["McpPlatform:Dlp:Rules:0:Pattern"] = "SECRET-\\d{4}",
            ["McpPlatform:Dlp:Rules:0:Action"] = "Block",
            ["McpPlatform:Dlp:Rules:0:Tools:0"] = "inv_*",
        });
        await using var client = await server.ConnectClientAsync();

        var blocked = await client.CallAsync("inv_get_item", """{"itemId":"SECRET-1234"}""");
        var note = await client.CallAsync("inv_read_note");

        Assert.True(blocked.IsError);
        Assert.Contains("internal-codes", blocked.SingleText());
        Assert.DoesNotContain(api.Requests, r => r.Contains("SECRET", StringComparison.Ordinal));
        Assert.NotEqual(true, note.IsError);
        Assert.DoesNotContain("alice@example.com", note.SingleText());
        Assert.Contains("[REDACTED:email]", note.SingleText());
        Assert.DoesNotContain("alice@example.com", note.StructuredContent?.GetRawText() ?? "");
    }
}
