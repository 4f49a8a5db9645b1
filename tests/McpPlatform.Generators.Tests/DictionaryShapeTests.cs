using System.Text.Json.Nodes;
using McpPlatform.Generators.Tests.Harness;

namespace McpPlatform.Generators.Tests;

/// <summary>Dictionaries with string keys: JSON objects with one value schema, bound and written without reflection.</summary>
public sealed class DictionaryShapeTests
{
    private const string Source = """
        public sealed record Tally(Dictionary<string, int> ByTeam, IReadOnlyDictionary<string, string?> Notes);

        public static class Tools
        {
            /// <summary>Sums weights per team.</summary>
            [McpTool("tally", Access = ToolAccess.Read)]
            public static Tally Count([Description("Weights per team.")] IDictionary<string, List<int>> weights, [Description("Notes.")] Dictionary<string, string?>? notes = null) =>
                new(weights.ToDictionary(w => w.Key, w => w.Value.Sum()), notes ?? new Dictionary<string, string?>());
        }
        """;

    [Fact]
    public void Dictionary_arguments_are_objects_with_additional_properties()
    {
        var tool = GeneratorHarness.Run(ToolSource.Of("using System.Linq;\n" + Source)).LoadTool("tally");

        var schema = JsonNode.Parse(tool.Descriptor.InputSchema)!;
        Assert.Equal("""{"type":"object","additionalProperties":{"type":"array","items":{"type":"integer"}},"description":"Weights per team."}""", schema["properties"]!["weights"]!.ToJsonString());
        Assert.Equal("""{"type":["object","null"],"additionalProperties":{"type":["string","null"]},"description":"Notes.","default":null}""", schema["properties"]!["notes"]!.ToJsonString());
    }

    [Fact]
    public async Task Dictionary_arguments_are_bound_and_results_written()
    {
        var tool = GeneratorHarness.Run(ToolSource.Of("using System.Linq;\n" + Source)).LoadTool("tally");

        var result = await ToolCall.InvokeAsync(tool, """{"weights":{"red":[1,2],"blue":[]},"notes":{"red":"hot","blue":null}}""");

        Assert.NotEqual(true, result.IsError);
        JsonAssert.Equal("""{"byTeam":{"red":3,"blue":0},"notes":{"red":"hot","blue":null}}""", result.StructuredContent!.Value);
    }

    [Fact]
    public async Task A_wrong_dictionary_value_names_its_path()
    {
        var tool = GeneratorHarness.Run(ToolSource.Of("using System.Linq;\n" + Source)).LoadTool("tally");

        var result = await ToolCall.InvokeAsync(tool, """{"weights":{"red":[1,"x"]}}""");

        Assert.True(result.IsError);
        Assert.Contains("weights.red", result.Text(), StringComparison.Ordinal);
    }
}
