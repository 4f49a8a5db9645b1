using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests;

public sealed class ToolListTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public async Task Tools_are_listed_by_snake_case_name()
    {
        var tools = await fixture.Client.ListToolsAsync();

        Assert.Equal(
            [
                "2fa-status", "add_numbers", "count_call", "deep_result", "delete", "delete_ticket", "echo", "explode", "fetch_url", "get_ticket",
                "is_even", "issues.search", "open_ticket", "shout_customer", "sign_in", "stubborn_wait", "triage_ticket", "whoami",
            ],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tool_description_comes_from_the_doc_summary()
    {
        var echo = await ToolAsync("echo");

        Assert.Equal("Returns the text it was given.", echo.Description);
    }

    [Fact]
    public async Task Input_schema_lists_typed_required_arguments_with_their_descriptions()
    {
        var schema = Json((await ToolAsync("add_numbers")).InputSchema);

        Assert.Equal("object", (string?)schema["type"]);
        Assert.Equal("integer", (string?)schema["properties"]!["a"]!["type"]);
        Assert.Equal("integer", (string?)schema["properties"]!["b"]!["type"]);
        Assert.Equal("The first addend.", (string?)schema["properties"]!["a"]!["description"]);
        Assert.Equal(["a", "b"], Strings(schema["required"]));
    }

    [Fact]
    public async Task Input_schema_describes_a_record_argument_in_defs_and_an_enum_argument_inline()
    {
        var schema = Json((await ToolAsync("triage_ticket")).InputSchema);

        Assert.Equal("#/$defs/ticketRequest", (string?)schema["properties"]!["ticket"]!["$ref"]);
        Assert.Equal("string", (string?)schema["properties"]!["threshold"]!["type"]);
        Assert.Equal(["Low", "Normal", "High"], Strings(schema["properties"]!["threshold"]!["enum"]));
        Assert.Equal(["ticket", "threshold"], Strings(schema["required"]));

        var ticket = schema["$defs"]!["ticketRequest"]!;
        Assert.Equal("object", (string?)ticket["type"]);
        Assert.Equal("string", (string?)ticket["properties"]!["title"]!["type"]);
        Assert.Equal(["Low", "Normal", "High"], Strings(ticket["properties"]!["priority"]!["enum"]));
        Assert.Equal(["array", "null"], Strings(ticket["properties"]!["labels"]!["type"]));
        Assert.Equal(["title", "priority"], Strings(ticket["required"]));
    }

    [Fact]
    public async Task Read_tool_is_annotated_read_only_and_not_destructive()
    {
        var annotations = (await ToolAsync("echo")).Annotations;

        Assert.NotNull(annotations);
        Assert.True(annotations.ReadOnlyHint);
        Assert.NotEqual(true, annotations.DestructiveHint);
        Assert.Null(annotations.IdempotentHint);
    }

    [Fact]
    public async Task Write_tool_is_annotated_neither_read_only_nor_destructive()
    {
        var annotations = (await ToolAsync("open_ticket")).Annotations;

        Assert.NotNull(annotations);
        Assert.False(annotations.ReadOnlyHint);
        Assert.False(annotations.DestructiveHint);
        Assert.Null(annotations.IdempotentHint);
    }

    [Fact]
    public async Task Destructive_idempotent_tool_is_annotated_destructive_and_idempotent()
    {
        var annotations = (await ToolAsync("delete_ticket")).Annotations;

        Assert.NotNull(annotations);
        Assert.False(annotations.ReadOnlyHint);
        Assert.True(annotations.DestructiveHint);
        Assert.True(annotations.IdempotentHint);
    }

    [Fact]
    public async Task Record_returning_tool_publishes_an_output_schema_of_the_record()
    {
        var schema = Json((await ToolAsync("get_ticket")).OutputSchema);

        Assert.Equal("object", (string?)schema["type"]);
        Assert.Equal("string", (string?)schema["properties"]!["key"]!["type"]);
        Assert.Equal("integer", (string?)schema["properties"]!["labelCount"]!["type"]);
        Assert.Equal(["Low", "Normal", "High"], Strings(schema["properties"]!["priority"]!["enum"]));
        Assert.Equal(["key", "title", "priority", "labelCount"], Strings(schema["required"]));
    }

    [Fact]
    public async Task String_returning_tool_has_no_output_schema()
    {
        Assert.Null((await ToolAsync("echo")).OutputSchema);
    }

    private async Task<Tool> ToolAsync(string name) =>
        Assert.Single(await fixture.Client.ListToolsAsync(), t => t.Name == name).ProtocolTool;

    private static JsonNode Json(JsonElement? element)
    {
        Assert.NotNull(element);
        return JsonNode.Parse(element.Value.GetRawText())!;
    }

    private static string[] Strings(JsonNode? array) =>
        Assert.IsType<JsonArray>(array).Select(n => Assert.IsAssignableFrom<JsonValue>(n).GetValue<string>()).ToArray();
}
