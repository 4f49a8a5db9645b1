using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests;

public sealed class ToolCallTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public async Task String_result_is_returned_as_one_text_block()
    {
        var result = await fixture.Client.CallAsync("echo", """{"text":"hello, world"}""");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("hello, world", result.SingleText());
        Assert.Null(result.StructuredContent);
    }

    [Fact]
    public async Task Integer_arguments_are_bound_and_the_result_is_invariant_text()
    {
        var result = await fixture.Client.CallAsync("add_numbers", """{"a":-2,"b":40}""");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("38", result.SingleText());
    }

    [Fact]
    public async Task Record_and_enum_arguments_are_bound()
    {
        var result = await fixture.Client.CallAsync(
            "triage_ticket",
            """{"ticket":{"title":"Printer on fire","priority":"High","labels":["hw","urgent"]},"threshold":"normal"}""");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("Printer on fire|High|2|escalate", result.SingleText());
    }

    [Fact]
    public async Task Optional_record_property_may_be_left_out()
    {
        var result = await fixture.Client.CallAsync(
            "triage_ticket", """{"ticket":{"title":"Typo","priority":"Low"},"threshold":"High"}""");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("Typo|Low|0|queue", result.SingleText());
    }

    [Fact]
    public async Task Record_result_is_structured_content_equal_to_its_json_text()
    {
        var result = await fixture.Client.CallAsync("get_ticket", """{"key":"T-7"}""");

        Assert.NotEqual(true, result.IsError);
        Assert.NotNull(result.StructuredContent);
        var text = JsonNode.Parse(result.SingleText());
        var structured = JsonNode.Parse(result.StructuredContent.Value.GetRawText());
        Assert.True(JsonNode.DeepEquals(text, structured), $"text {text?.ToJsonString()} differs from structuredContent {structured?.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"key":"T-7","title":"Printer on fire","priority":"High","labelCount":2}"""), structured));
    }

    [Fact]
    public async Task Write_tool_binds_a_record_and_returns_a_record()
    {
        var result = await fixture.Client.CallAsync(
            "open_ticket", """{"ticket":{"title":"New laptop","priority":"Normal","labels":["it"]}}""");

        Assert.NotEqual(true, result.IsError);
        Assert.NotNull(result.StructuredContent);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"key":"T-100","title":"New laptop","priority":"Normal","labelCount":1}"""),
            JsonNode.Parse(result.StructuredContent.Value.GetRawText())));
    }

    [Fact]
    public async Task Destructive_tool_runs_when_called()
    {
        var result = await fixture.Client.CallAsync("delete_ticket", """{"key":"T-3"}""");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("deleted T-3", result.SingleText());
    }
}
