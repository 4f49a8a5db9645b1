using System.Text.Json.Nodes;
using McpPlatform.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Tests;

/// <summary>
/// [JsonPropertyName], [JsonIgnore] and [JsonRequired] on the properties of argument and result types:
/// the input and output schemas, the manifest, the TypeScript declaration and the generated binding and
/// writing all use the same JSON names.
/// </summary>
public sealed class JsonAttributeTests
{
    private const string Source = """
        using System.Text.Json.Serialization;

        public sealed record TicketInput(
            [property: JsonPropertyName("ticket_title")] string Title,
            [property: JsonIgnore] string InternalNote = "none",
            [property: JsonPropertyName("due-date")] DateTimeOffset? Due = null);

        public sealed class Filter
        {
            [JsonPropertyName("q")]
            public required string Query { get; init; }

            [JsonIgnore]
            public int Hidden { get; set; } = 7;

            [JsonPropertyName("max_results")]
            public int Limit { get; set; } = 10;

            [JsonPropertyName("a\"b\\c")]
            public string? Odd { get; set; }
        }

        public sealed class Page
        {
            [JsonRequired]
            public string? Cursor { get; set; }

            [JsonRequired]
            public int Size { get; init; }

            [JsonIgnore(Condition = JsonIgnoreCondition.WhenReading)]
            public string Echo { get; set; } = "server";

            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)]
            public string? WriteOnly { get; set; }
        }

        public sealed record Receipt(
            [property: JsonPropertyName("ticket_id")] string Id,
            [property: JsonIgnore] string AuditTrail,
            [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Assignee,
            [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Retries,
            [property: JsonIgnore] System.IO.Stream? Attachment = null,
            [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Note = null);

        public static class Tickets
        {
            /// <summary>Files a ticket.</summary>
            [McpTool("file_ticket", Access = ToolAccess.Write)]
            public static Receipt File([Description("The ticket.")] TicketInput ticket, [Description("How to look.")] Filter? filter = null) =>
                new(
                    $"{ticket.Title}|{ticket.InternalNote}|{ticket.Due?.Year}|{filter?.Query}|{filter?.Limit}|{filter?.Hidden}|{filter?.Odd}",
                    "audit",
                    filter is null ? null : "ada",
                    filter?.Limit ?? 0);

            /// <summary>Pages.</summary>
            [McpTool("page", Access = ToolAccess.Read)]
            public static Page Echo([Description("The page.")] Page page) =>
                new() { Cursor = page.Cursor + "|" + page.Size + "|" + page.Echo + "|" + page.WriteOnly, Size = page.Size, WriteOnly = "secret" };
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(ToolSource.Of(Source)));

    [Fact]
    public void Input_schema_uses_the_json_names_and_leaves_out_ignored_properties()
    {
        var schema = Run.Value.LoadTool("file_ticket").ProtocolTool.InputSchema;

        var ticket = schema.GetProperty("$defs").GetProperty("ticketInput");
        Assert.Equal(["ticket_title", "due-date"], JsonAssert.PropertyNames(ticket));
        Assert.Equal(["ticket_title"], JsonAssert.Required(ticket));
        var filter = schema.GetProperty("$defs").GetProperty("filter");
        Assert.Equal(["q", "max_results", "a\"b\\c"], JsonAssert.PropertyNames(filter));
        Assert.Equal(["q"], JsonAssert.Required(filter));
    }

    [Fact]
    public async Task Arguments_are_bound_by_their_json_names_and_ignored_properties_keep_their_defaults()
    {
        var tool = Run.Value.LoadTool("file_ticket");

        var result = await ToolCall.InvokeAsync(
            tool, """{"ticket":{"ticket_title":"Broken","due-date":"2026-01-02T00:00:00Z"},"filter":{"q":"x","max_results":3,"a\"b\\c":"odd"}}""");

        Assert.NotEqual(true, result.IsError);
        JsonAssert.Equal("""{"ticket_id":"Broken|none|2026|x|3|7|odd","assignee":"ada","retries":3,"note":null}""", result.StructuredContent!.Value);
    }

    [Theory]
    [InlineData("""{"ticket":{"title":"Broken"}}""", "Unknown argument 'ticket.title': 'ticket' accepts ticket_title, due-date.")]
    [InlineData("""{"ticket":{"ticket_title":"Broken","internalNote":"x"}}""", "Unknown argument 'ticket.internalNote': 'ticket' accepts ticket_title, due-date.")]
    [InlineData("""{"ticket":{"ticket_title":"Broken"},"filter":{"q":"x","hidden":1}}""", "Unknown argument 'filter.hidden': 'filter' accepts q, max_results, a\"b\\c.")]
    public async Task The_clr_name_of_a_renamed_property_and_an_ignored_property_are_refused(string arguments, string message)
    {
        var result = await ToolCall.InvokeAsync(Run.Value.LoadTool("file_ticket"), arguments);

        Assert.True(result.IsError);
        Assert.Equal(message, result.Text());
    }

    [Fact]
    public async Task Properties_ignored_when_null_or_default_are_left_out_of_the_result()
    {
        var result = await ToolCall.InvokeAsync(Run.Value.LoadTool("file_ticket"), """{"ticket":{"ticket_title":"Broken"}}""");

        JsonAssert.Equal("""{"ticket_id":"Broken|none|||||","note":null}""", result.StructuredContent!.Value);
        JsonAssert.Equal("""{"ticket_id":"Broken|none|||||","note":null}""", JsonNode.Parse(result.Text()));
    }

    [Fact]
    public void Output_schema_uses_the_json_names_and_does_not_require_what_may_be_left_out()
    {
        var schema = Run.Value.LoadTool("file_ticket").ProtocolTool.OutputSchema!.Value;

        Assert.Equal(["ticket_id", "assignee", "retries", "note"], JsonAssert.PropertyNames(schema));
        Assert.Equal(["ticket_id"], JsonAssert.Required(schema));
    }

    [Fact]
    public void Manifest_schemas_use_the_json_names()
    {
        var manifest = Run.Value.ManifestTool("file_ticket");

        Assert.Equal(
            ["ticket_title", "due-date"],
            manifest["inputSchema"]!["$defs"]!["ticketInput"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["ticket_id", "assignee", "retries", "note"], manifest["outputSchema"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void TypeScript_declaration_uses_the_json_names()
    {
        var typeScript = Run.Value.LoadTool("file_ticket").Descriptor.TypeScript!;

        Assert.EndsWith(
            "file_ticket(args: { ticket: { ticket_title: string; \"due-date\"?: string | null }; "
            + "filter?: { q: string; max_results?: number; \"a\\\"b\\\\c\"?: string | null } | null }): "
            + "Promise<{ ticket_id: string; assignee?: string | null; retries?: number; note: string | null }>;",
            typeScript);
    }

    [Fact]
    public void Json_required_properties_are_required_and_ignore_conditions_split_input_from_output()
    {
        var tool = Run.Value.LoadTool("page");

        var input = tool.ProtocolTool.InputSchema.GetProperty("$defs").GetProperty("page");
        Assert.Equal(["cursor", "size", "writeOnly"], JsonAssert.PropertyNames(input));
        Assert.Equal(["cursor", "size"], JsonAssert.Required(input));
        var output = tool.ProtocolTool.OutputSchema!.Value;
        Assert.Equal(["cursor", "size", "echo"], JsonAssert.PropertyNames(output));
    }

    [Fact]
    public async Task Json_required_properties_must_be_sent_and_ignore_conditions_apply_per_direction()
    {
        var tool = Run.Value.LoadTool("page");

        var missing = await ToolCall.InvokeAsync(tool, """{"page":{"size":2}}""");
        var refused = await ToolCall.InvokeAsync(tool, """{"page":{"cursor":null,"size":2,"echo":"client"}}""");
        var bound = await ToolCall.InvokeAsync(tool, """{"page":{"cursor":null,"size":2,"writeOnly":"w"}}""");

        Assert.True(missing.IsError);
        Assert.Contains("page.cursor", missing.Text(), StringComparison.Ordinal);
        Assert.True(refused.IsError);
        Assert.StartsWith("Unknown argument 'page.echo'", refused.Text(), StringComparison.Ordinal);
        Assert.NotEqual(true, bound.IsError);
        JsonAssert.Equal("""{"cursor":"|2|server|w","size":2,"echo":"server"}""", bound.StructuredContent!.Value);
    }

    [Fact]
    public void The_attributes_compile_without_diagnostics()
    {
        Assert.Empty(Run.Value.Diagnostics);
        Assert.Empty(Run.Value.CompilationProblems);
    }
}
