using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Generators.Tests.Harness;

namespace McpPlatform.Generators.Tests;

/// <summary>The inputSchema clients see (ProtocolTool.InputSchema of the compiled, loaded tool).</summary>
public sealed class InputSchemaTests
{
    private const string SharedTypes = """
        public enum Color
        {
            Red,
            Green,
            Blue,
        }
        """;

    [Theory]
    [InlineData("string", """{"type":"string"}""")]
    [InlineData("int", """{"type":"integer"}""")]
    [InlineData("long", """{"type":"integer"}""")]
    [InlineData("double", """{"type":"number"}""")]
    [InlineData("decimal", """{"type":"number"}""")]
    [InlineData("float", """{"type":"number"}""")]
    [InlineData("bool", """{"type":"boolean"}""")]
    [InlineData("Color", """{"type":"string","enum":["Red","Green","Blue"]}""")]
    [InlineData("Guid", """{"type":"string","format":"uuid"}""")]
    [InlineData("DateTimeOffset", """{"type":"string","format":"date-time"}""")]
    [InlineData("string[]", """{"type":"array","items":{"type":"string"}}""")]
    [InlineData("List<int>", """{"type":"array","items":{"type":"integer"}}""")]
    [InlineData("IReadOnlyList<Color>", """{"type":"array","items":{"type":"string","enum":["Red","Green","Blue"]}}""")]
    public void Required_parameter_is_described_by_its_type(string type, string expected)
    {
        var schema = InputSchemaOf($"{type} value");

        JsonAssert.Equal(expected, PropertyWithoutDescription(schema, "value"));
        Assert.Equal(["value"], JsonAssert.Required(schema));
    }

    [Theory]
    [InlineData("int? value", """{"type":["integer","null"]}""")]
    [InlineData("string? value", """{"type":["string","null"]}""")]
    [InlineData("Color? value", """{"type":["string","null"],"enum":["Red","Green","Blue",null]}""")]
    [InlineData("int value = 10", """{"type":"integer","default":10}""")]
    [InlineData("double value = 0.5", """{"type":"number","default":0.5}""")]
    [InlineData("bool value = true", """{"type":"boolean","default":true}""")]
    [InlineData("string value = \"name\"", """{"type":"string","default":"name"}""")]
    [InlineData("Color value = Color.Green", """{"type":"string","enum":["Red","Green","Blue"],"default":"Green"}""")]
    [InlineData("int? value = 3", """{"type":["integer","null"],"default":3}""")]
    [InlineData("Guid value = default", """{"type":"string","format":"uuid"}""")]
    [InlineData("DateTimeOffset value = default", """{"type":"string","format":"date-time"}""")]
    [InlineData("Color value = (Color)7", """{"type":"string","enum":["Red","Green","Blue"]}""")]
    public void Nullable_or_defaulted_parameter_is_optional(string parameter, string expected)
    {
        var schema = InputSchemaOf(parameter);

        JsonAssert.Equal(expected, PropertyWithoutDescription(schema, "value"));
        Assert.Empty(JsonAssert.Required(schema));
    }

    [Fact]
    public void Root_is_a_closed_2020_12_object_that_requires_exactly_the_non_optional_arguments()
    {
        var schema = InputSchemaOf(
            "string name, int? limit, IGreeter greeter, [FromServices] Clock clock, IServiceProvider services, CancellationToken cancellationToken, bool loud = false",
            declarations: """
                public interface IGreeter
                {
                }

                public sealed class Clock
                {
                }
                """);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["name", "limit", "loud"], JsonAssert.PropertyNames(schema));
        Assert.Equal(["name"], JsonAssert.Required(schema));
    }

    [Fact]
    public void Tool_without_arguments_has_an_empty_closed_object_schema()
    {
        var schema = InputSchemaOf("CancellationToken cancellationToken");

        JsonAssert.Equal(
            """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{},"additionalProperties":false}""",
            schema);
    }

    [Fact]
    public void Record_parameter_refers_to_defs_and_nested_records_get_their_own_definition()
    {
        var schema = InputSchemaOf(
            "[Description(\"Where to ship.\")] Shipment shipment",
            declarations: """
                /// <summary>A postal address.</summary>
                public sealed record Address(string Street, string City, string? Country = null);

                /// <summary>What to ship where.</summary>
                /// <param name="Weight">Weight in kilograms.</param>
                public sealed record Shipment(Address Destination, double Weight, IReadOnlyList<Address> Stops, Address? ReturnTo);
                """);

        JsonAssert.Equal("""{"$ref":"#/$defs/shipment","description":"Where to ship."}""", schema.GetProperty("properties").GetProperty("shipment"));
        JsonAssert.Equal(
            """
            {
              "type": "object",
              "description": "What to ship where.",
              "properties": {
                "destination": { "$ref": "#/$defs/address" },
                "weight": { "type": "number", "description": "Weight in kilograms." },
                "stops": { "type": "array", "items": { "$ref": "#/$defs/address" } },
                "returnTo": { "anyOf": [ { "$ref": "#/$defs/address" }, { "type": "null" } ] }
              },
              "required": ["destination", "weight", "stops"],
              "additionalProperties": false
            }
            """,
            schema.GetProperty("$defs").GetProperty("shipment"));
        JsonAssert.Equal(
            """
            {
              "type": "object",
              "description": "A postal address.",
              "properties": {
                "street": { "type": "string" },
                "city": { "type": "string" },
                "country": { "type": ["string", "null"], "default": null }
              },
              "required": ["street", "city"],
              "additionalProperties": false
            }
            """,
            schema.GetProperty("$defs").GetProperty("address"));
    }

    [Fact]
    public void Class_parameter_binds_settable_and_required_properties_only()
    {
        var schema = InputSchemaOf(
            "[Description(\"The query.\")] Query query",
            declarations: """
                public sealed class Query
                {
                    public required string Text { get; init; }

                    public int Limit { get; set; } = 20;

                    public string? Cursor { get; init; }

                    public int Length => Text.Length;
                }
                """);

        var query = schema.GetProperty("$defs").GetProperty("query");
        Assert.Equal(["text", "limit", "cursor"], JsonAssert.PropertyNames(query));
        Assert.Equal(["text"], JsonAssert.Required(query));
    }

    [Fact]
    public void Recursive_record_refers_to_itself()
    {
        var schema = InputSchemaOf(
            "[Description(\"The tree.\")] Node root",
            declarations: "public sealed record Node(string Name, IReadOnlyList<Node> Children);");

        JsonAssert.Equal(
            """{"type":"array","items":{"$ref":"#/$defs/node"}}""",
            schema.GetProperty("$defs").GetProperty("node").GetProperty("properties").GetProperty("children"));
    }

    private static JsonElement InputSchemaOf(string parameters, string declarations = "")
    {
        var run = GeneratorHarness.Run(ToolSource.ProbeTaking(parameters, SharedTypes + "\n" + declarations));
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return run.LoadTool("run").ProtocolTool.InputSchema;
    }

    private static JsonNode PropertyWithoutDescription(JsonElement schema, string name)
    {
        var property = JsonNode.Parse(schema.GetProperty("properties").GetProperty(name).GetRawText())!.AsObject();
        property.Remove("description");
        return property;
    }
}
