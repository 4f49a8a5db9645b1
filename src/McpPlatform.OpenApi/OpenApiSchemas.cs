using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace McpPlatform.OpenApi;

/// <summary>
/// Turns a schema of the document into one self-contained JSON Schema: Microsoft.OpenApi writes every keyword
/// (as OpenAPI 3.1, so a 3.0 <c>nullable</c> becomes a <c>"null"</c> type), and this class replaces each
/// <c>$ref</c> it writes with the referenced component, itself resolved. A reference back to a component that is
/// already being expanded on the current path is a cycle: it becomes <see cref="CycleMarker"/> so the schema stays
/// finite, and the model still reads what was cut.
/// </summary>
public sealed class OpenApiSchemas
{
    /// <summary>The keyword on a cut recursive reference; its value is the reference (<c>#/components/schemas/Node</c>).</summary>
    public const string CycleMarker = "x-mcp-recursive-ref";

    private const string ComponentSchemas = "#/components/schemas/";

    private readonly OpenApiDocument document;
    private readonly string file;
    private readonly List<OpenApiProblem> problems;

    internal OpenApiSchemas(OpenApiDocument document, string file, List<OpenApiProblem> problems)
    {
        this.document = document;
        this.file = file;
        this.problems = problems;
    }

    /// <summary>The schema with every reference resolved; <paramref name="pointer"/> names where it sits, for problems.</summary>
    internal JsonNode Resolve(IOpenApiSchema schema, string pointer) => Expand(Write(schema), pointer, []);

    private static JsonNode Write(IOpenApiSchema schema)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var writer = new OpenApiJsonWriter(text);
        schema.SerializeAsV31(writer);
        return JsonNode.Parse(text.ToString()) ?? new JsonObject();
    }

    // Keywords whose value is a map from names to schemas: every entry is a schema, whatever its name.
    private static readonly HashSet<string> SchemaMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

    // Keywords whose value is data, not a schema: a "$ref" inside them is a value to keep.
    private static readonly HashSet<string> DataKeywords = ["example", "examples", "default", "const", "enum"];

    private JsonNode Expand(JsonNode node, string pointer, List<string> expanding, bool isSchemaMap = false)
    {
        switch (node)
        {
            case JsonObject obj when !isSchemaMap && obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target):
                return ExpandReference(obj, target, pointer, expanding);
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if ((!isSchemaMap && DataKeywords.Contains(key)) || obj[key] is not { } child)
                    {
                        continue;
                    }

                    var expanded = Expand(child, pointer + "/" + EscapeToken(key), expanding, !isSchemaMap && SchemaMaps.Contains(key));
                    if (!ReferenceEquals(expanded, child))
                    {
                        obj[key] = expanded;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is not { } item)
                    {
                        continue;
                    }

                    var expanded = Expand(item, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), expanding);
                    if (!ReferenceEquals(expanded, item))
                    {
                        array[i] = expanded;
                    }
                }

                return array;
            default:
                return node;
        }
    }

    private JsonNode ExpandReference(JsonObject referring, string target, string pointer, List<string> expanding)
    {
        var siblings = referring.Where(p => p.Key != "$ref").Select(p => (p.Key, Value: p.Value?.DeepClone())).ToList();
        if (!target.StartsWith(ComponentSchemas, StringComparison.Ordinal))
        {
            problems.Add(new(file, pointer, $"The $ref '{target}' is not supported: schemas may refer only to '{ComponentSchemas}<name>'.", OpenApiProblemKind.UnsupportedReference));
            return new JsonObject();
        }

        var name = UnescapeToken(target[ComponentSchemas.Length..]);
        if (expanding.Contains(name))
        {
            var cut = new JsonObject
            {
                [CycleMarker] = target,
                ["description"] = $"Recursive: a {name} again (the schema is cut here to stay finite).",
            };
            return WithSiblings(cut, siblings);
        }

        if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue(name, out var component))
        {
            problems.Add(new(file, pointer, $"The $ref '{target}' does not resolve: there is no schema '{name}' under #/components/schemas.", OpenApiProblemKind.UnresolvedReference));
            return new JsonObject();
        }

        expanding.Add(name);
        var expanded = Expand(Write(component), target, expanding);
        expanding.RemoveAt(expanding.Count - 1);
        return expanded is JsonObject obj ? WithSiblings(obj, siblings) : expanded;
    }

    // OpenAPI 3.1 lets keywords sit beside $ref (a description of this use of the type); they win over the target's.
    private static JsonObject WithSiblings(JsonObject target, List<(string Key, JsonNode? Value)> siblings)
    {
        foreach (var (key, value) in siblings)
        {
            target[key] = value;
        }

        return target;
    }

    internal static string EscapeToken(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string UnescapeToken(string token) =>
        Uri.UnescapeDataString(token).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
