using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests;

/// <summary>
/// [JsonPropertyName] and [JsonIgnore] on a record a tool takes and returns, over real HTTP: the listed
/// schemas, the bound argument and the structured result all use the JSON names.
/// </summary>
public sealed class JsonPropertyNameTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public async Task Renamed_properties_are_bound_and_returned_under_their_json_names()
    {
        var result = await fixture.Client.CallAsync("shout_customer", """{"customer":{"customer_id":"C-1","display-name":"ada"}}""");

        Assert.NotEqual(true, result.IsError);
        var expected = JsonNode.Parse("""{"customer_id":"C-1","display-name":"ADA (kept on the server)"}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(result.StructuredContent!.Value.GetRawText())), result.StructuredContent.Value.GetRawText());
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(result.SingleText())), result.SingleText());
    }

    [Theory]
    [InlineData("""{"customer":{"id":"C-1","name":"ada"}}""", "Unknown arguments 'customer.id', 'customer.name': 'customer' accepts customer_id, display-name.")]
    [InlineData("""{"customer":{"customer_id":"C-1","display-name":"ada","internalNote":"x"}}""", "Unknown argument 'customer.internalNote': 'customer' accepts customer_id, display-name.")]
    public async Task The_csharp_names_and_ignored_properties_are_refused(string arguments, string message)
    {
        var result = await fixture.Client.CallAsync("shout_customer", arguments);

        Assert.True(result.IsError);
        Assert.Equal(message, result.SingleText());
    }

    [Fact]
    public async Task Listed_schemas_use_the_json_names()
    {
        var tool = (await fixture.Client.ListToolsAsync()).Single(t => t.Name == "shout_customer").ProtocolTool;

        var input = JsonNode.Parse(tool.InputSchema.GetRawText())!["$defs"]!["customer"]!;
        var output = JsonNode.Parse(tool.OutputSchema!.Value.GetRawText())!;
        Assert.Equal(["customer_id", "display-name"], input["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["customer_id", "display-name"], output["properties"]!.AsObject().Select(p => p.Key));
    }
}
