using System.Text.Json;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>An OpenAPI document's operations served as governed tools over real HTTP, calling a real loopback API.</summary>
public sealed class OpenApiToolTests
{
    [Fact]
    public async Task Operations_are_listed_as_namespaced_tools_and_a_get_returns_structured_content()
    {
        await using var api = await LoopbackApi.StartAsync();
        await using var server = await OpenApiServer.StartAsync(api);
        await using var client = await server.ConnectClientAsync();

        var tools = await client.ListToolsAsync();
        var getItem = Assert.Single(tools, t => t.Name == "inv_get_item");
        Assert.NotNull(getItem.ProtocolTool.OutputSchema);
        Assert.Contains(tools, t => t.Name == "inv_create_item");
        Assert.Contains(tools, t => t.Name == "whoami"); // the generated sample tools are still there: one catalog

        var result = await client.CallAsync("inv_get_item", """{"itemId":"a/b","verbose":false}""");

        Assert.NotEqual(true, result.IsError);
        var structured = Assert.IsType<JsonElement>(result.StructuredContent);
        Assert.Equal("/api/items/a%2Fb?verbose=false", structured.GetProperty("rawTarget").GetString());
        Assert.Contains("/api/items/a%2Fb", result.SingleText());
    }

    [Fact]
    public async Task A_post_sends_the_body_and_an_array_answer_is_text_only()
    {
        await using var api = await LoopbackApi.StartAsync();
        await using var server = await OpenApiServer.StartAsync(api);
        await using var client = await server.ConnectClientAsync();

        var created = await client.CallAsync("inv_create_item", """{"body":{"name":"bolt","count":12}}""");
        var listed = await client.CallAsync("inv_list_items");

        Assert.NotEqual(true, created.IsError);
        Assert.Contains("bolt", created.StructuredContent!.Value.GetProperty("body").GetString());
        Assert.NotEqual(true, listed.IsError);
        Assert.Null(listed.StructuredContent);
        Assert.Equal("""["a","b"]""", listed.SingleText());
    }

    [Theory]
    [InlineData(404, "HTTP 404 Not Found")]
    [InlineData(503, "HTTP 503 Service Unavailable")]
    public async Task A_non_2xx_answer_is_a_tool_error_with_the_status_and_a_capped_body(int status, string expected)
    {
        await using var api = await LoopbackApi.StartAsync();
        await using var server = await OpenApiServer.StartAsync(api, new Dictionary<string, string?> { ["McpPlatform:OpenApi:Apis:inv:MaxErrorBodyCharacters"] = "64" });
        await using var client = await server.ConnectClientAsync();

        var result = await client.CallAsync("inv_fail_with", JsonSerializer.Serialize(new { code = status }));

        Assert.True(result.IsError);
        Assert.Contains($"The API 'inv' answered GET /status/{{code}} with {expected}. Body (first 64 of 5008 characters)", result.SingleText());
    }

    [Fact]
    public async Task Failures_before_an_answer_are_tool_errors_and_the_server_keeps_serving()
    {
        await using var api = await LoopbackApi.StartAsync();
        await using var server = await OpenApiServer.StartAsync(api, new Dictionary<string, string?>
        {
            ["McpPlatform:OpenApi:Apis:inv:AttemptTimeout"] = "00:00:00.300",
            ["McpPlatform:OpenApi:Apis:inv:MaxResponseBytes"] = "100000",
        });
        await using var client = await server.ConnectClientAsync();

        var slow = await client.CallAsync("inv_slow");
        var huge = await client.CallAsync("inv_huge");
        var offHost = await client.CallAsync("inv_redirect_other_host");
        var unknown = await client.CallAsync("inv_get_item", """{"itemId":"1","admin":true}""");
        var after = await client.CallAsync("inv_redirect_same");

        Assert.True(slow.IsError);
        Assert.Contains("did not answer GET /slow in time", slow.SingleText());
        Assert.True(huge.IsError);
        Assert.Contains("more than 100000 bytes (MaxResponseBytes)", huge.SingleText());
        Assert.True(offHost.IsError);
        Assert.Contains("outside its base URL", offHost.SingleText());
        Assert.True(unknown.IsError);
        Assert.Contains("admin", unknown.SingleText());
        Assert.DoesNotContain(api.Requests, r => r.Contains("admin", StringComparison.Ordinal));
        Assert.NotEqual(true, after.IsError);
        Assert.Contains("/api/items/moved", after.SingleText());
    }

    [Fact]
    public async Task An_api_added_after_add_mcp_platform_joins_the_same_catalog()
    {
        await using var api = await LoopbackApi.StartAsync();
        await using var server = await OpenApiServer.StartAsync(api, afterPlatform: true);
        await using var client = await server.ConnectClientAsync();

        var result = await client.CallAsync("inv_get_item", """{"itemId":"late"}""");

        Assert.NotEqual(true, result.IsError);
        Assert.Contains("/api/items/late", result.SingleText());
    }

    [Fact]
    public async Task A_server_without_the_api_base_url_does_not_start_and_names_the_setting()
    {
        await using var api = await LoopbackApi.StartAsync();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            OpenApiServer.StartAsync(api, new Dictionary<string, string?> { ["McpPlatform:OpenApi:Apis:inv:BaseUrl"] = null }));

        Assert.Contains("McpPlatform:OpenApi:Apis:inv:BaseUrl is required", failure.Message);
    }
}
