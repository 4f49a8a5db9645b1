using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>Compares JSON by value (property order ignored) and prints both sides on mismatch.</summary>
internal static class JsonAssert
{
    public static void Equal(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        if (!JsonNode.DeepEquals(expectedNode, actual))
        {
            throw new XunitException($"JSON differs.\nExpected: {expectedNode?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
        }
    }

    public static void Equal(string expected, JsonElement actual) => Equal(expected, JsonNode.Parse(actual.GetRawText()));

    /// <summary>The names in a schema's "required" array; empty when it has none.</summary>
    public static string[] Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];

    /// <summary>The names under a schema's "properties", in order.</summary>
    public static string[] PropertyNames(JsonElement schema) =>
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
}
