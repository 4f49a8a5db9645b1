using System.Text.Json.Nodes;

namespace McpPlatform.OpenApi.Tests;

/// <summary>The document files beside the tests (copied to the output), and small helpers to read results.</summary>
internal static class Documents
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Documents", file);

    public static IReadOnlyList<ApiOperation> Load(string file, OpenApiAccessOverrides? overrides = null) =>
        OpenApiOperationCatalog.Load(PathOf(file), overrides);

    public static ApiOperation Named(this IReadOnlyList<ApiOperation> operations, string name) =>
        Assert.Single(operations, o => o.Name == name);

    public static JsonObject Json(string? schema) => Assert.IsType<JsonObject>(JsonNode.Parse(schema!));

    /// <summary>Every "$ref" anywhere in the schema: a resolved schema has none.</summary>
    public static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" ? [p.Value!.GetValue<string>()] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };
}
