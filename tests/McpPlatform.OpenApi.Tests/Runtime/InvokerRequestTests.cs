using System.Text.Json;
using McpPlatform.OpenApi.Runtime;

namespace McpPlatform.OpenApi.Tests.Runtime;

/// <summary>Arguments become the request the document describes, sent to the configured base URL of a real loopback API.</summary>
public sealed class InvokerRequestTests
{
    [Fact]
    public async Task Get_puts_path_query_and_header_arguments_where_the_document_says()
    {
        await using var harness = await InvokerHarness.StartAsync();

        var response = await harness.CallAsync("get_item", """{"itemId":"42","verbose":true,"tag":["red","blue"],"X-Trace":"t-1"}""");

        Assert.Equal(200, response.Status);
        Assert.True(response.IsJson);
        var echo = JsonDocument.Parse(response.Text).RootElement;
        Assert.Equal("GET", echo.GetProperty("method").GetString());
        Assert.Equal("/api/items/42?verbose=true&tag=red&tag=blue", echo.GetProperty("rawTarget").GetString());
        Assert.Equal("t-1", echo.GetProperty("trace").GetString());
    }

    [Fact]
    public async Task A_path_argument_is_one_escaped_segment_that_cannot_add_segments_or_a_query()
    {
        await using var harness = await InvokerHarness.StartAsync();

        var response = await harness.CallAsync("get_item", """{"itemId":"a b/../../admin?x=1#f"}""");

        Assert.Equal(200, response.Status);
        Assert.Equal("/api/items/a%20b%2F..%2F..%2Fadmin%3Fx%3D1%23f", JsonDocument.Parse(response.Text).RootElement.GetProperty("rawTarget").GetString());
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task A_dot_segment_or_empty_path_argument_is_refused_before_any_request(string value)
    {
        await using var harness = await InvokerHarness.StartAsync();

        var refused = await Assert.ThrowsAsync<OpenApiCallException>(() => harness.CallAsync("get_item", JsonSerializer.Serialize(new { itemId = value })));

        Assert.Equal(OpenApiCallFailure.Arguments, refused.Failure);
        Assert.Contains("'itemId'", refused.Message);
    }

    [Fact]
    public async Task Post_sends_the_body_argument_as_json()
    {
        await using var harness = await InvokerHarness.StartAsync();

        var response = await harness.CallAsync("create_item", """{"body":{"name":"widget","count":3}}""");

        Assert.Equal(201, response.Status);
        var echo = JsonDocument.Parse(response.Text).RootElement;
        Assert.Equal("POST", echo.GetProperty("method").GetString());
        var sent = JsonDocument.Parse(echo.GetProperty("body").GetString()!).RootElement;
        Assert.Equal("widget", sent.GetProperty("name").GetString());
        Assert.Equal(3, sent.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_missing_required_argument_is_refused_naming_it()
    {
        await using var harness = await InvokerHarness.StartAsync();

        var refused = await Assert.ThrowsAsync<OpenApiCallException>(() => harness.CallAsync("create_item", "{}"));

        Assert.Equal(OpenApiCallFailure.Arguments, refused.Failure);
        Assert.Contains("'body' is required", refused.Message);
    }

    [Theory]
    [InlineData(404, "Not Found")]
    [InlineData(500, "Internal Server Error")]
    public async Task A_non_2xx_answer_keeps_its_status_and_the_error_text_caps_the_body(int status, string reason)
    {
        await using var harness = await InvokerHarness.StartAsync(options => options.MaxErrorBodyCharacters = 100);

        var response = await harness.CallAsync("fail_with", JsonSerializer.Serialize(new { code = status }));

        Assert.False(response.IsSuccess);
        Assert.Equal(status, response.Status);
        var message = response.ErrorMessage(InvokerHarness.Namespace, harness.Operations.Named("fail_with"), 100);
        Assert.StartsWith($"The API 'inv' answered GET /status/{{code}} with HTTP {status} {reason}. Body (first 100 of 5008 characters): failure eee", message);
        Assert.True(message.Length < 300, message);
    }
}
