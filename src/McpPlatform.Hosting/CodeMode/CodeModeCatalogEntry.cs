using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// One tool as <c>codemode.tools()</c> and <c>codemode.search()</c> hand it to a script:
/// <c>{ name, realName, description, access, method?, path?, tags?, inputSchema, typescript }</c>, where method,
/// path and tags are present for an OpenAPI operation. Written once per tool, then joined per caller.
/// </summary>
internal static class CodeModeCatalogEntry
{
    // Read by models and scripts: keep '<' and '>' literal instead of \u003C escapes.
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(CodeModeTool tool)
    {
        var entry = new JsonObject
        {
            ["name"] = tool.Name,
            ["realName"] = tool.RealName,
            ["description"] = tool.Descriptor.Description,
            ["access"] = tool.Descriptor.Access.ToString().ToLowerInvariant(),
        };
        if (tool.Descriptor.Http is { } http)
        {
            entry["method"] = http.Method;
            entry["path"] = http.Path;
            entry["tags"] = new JsonArray([.. http.Tags.Select(t => (JsonNode?)t)]);
        }

        entry["inputSchema"] = ParseOrEmpty(tool.Descriptor.InputSchema);
        entry["typescript"] = tool.TypeScript;
        return entry.ToJsonString(RelaxedJson);
    }

    /// <summary>A JSON array of the entries at <paramref name="positions"/> of <paramref name="index"/>.</summary>
    public static string Array(CodeModeToolIndex index, IEnumerable<int> positions) =>
        "[" + string.Join(',', positions.Select(index.EntryJson)) + "]";

    private static JsonNode ParseOrEmpty(string schema)
    {
        try
        {
            return JsonNode.Parse(schema) ?? new JsonObject();
        }
        catch (JsonException)
        {
            return new JsonObject();
        }
    }
}
