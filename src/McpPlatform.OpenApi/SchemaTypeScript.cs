using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpPlatform.OpenApi;

/// <summary>
/// A resolved JSON Schema (2020-12, as <see cref="OpenApiSchemas"/> writes it) as one inline TypeScript type, compact
/// because a model reads it: objects as <c>{ a: string; b?: number }</c>, <c>additionalProperties</c> as an index
/// signature, enums and <c>const</c> as literal unions, <c>"null"</c> in the type list as <c>| null</c>, <c>oneOf</c>/
/// <c>anyOf</c> as unions and <c>allOf</c> as an intersection. A cut recursive reference
/// (<see cref="OpenApiSchemas.CycleMarker"/>) becomes <c>unknown</c> with the type's name in a comment.
/// Past <see cref="MaxDepth"/> nested objects, or when the text would pass its budget, the rest is <c>object</c>
/// or <c>unknown</c>: a declaration stays bounded whatever the document holds.
/// </summary>
internal sealed class SchemaTypeScript
{
    /// <summary>Nested object levels written out in full; deeper ones are <c>object</c>.</summary>
    public const int MaxDepth = 6;

    // A long enum (country codes, time zones) says more as its base type than as 200 literals.
    private const int MaxEnumMembers = 24;

    // "[more: string]: unknown /* 999 more properties */" and the braces around the members.
    private const int CutMarkerLength = 56;

    // Types are read by models: keep '<', '>' and non-ASCII letters literal instead of \u escapes.
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly int _maxDepth;
    private readonly int _budget;
    private readonly bool _cutTopLevel;
    private bool _over;

    private SchemaTypeScript(int maxDepth, int budget, bool cutTopLevel = false)
    {
        _maxDepth = maxDepth;
        _budget = budget;
        _cutTopLevel = cutTopLevel;
    }

    /// <summary>
    /// The type of <paramref name="schema"/> in at most <paramref name="budget"/> characters: written with as many
    /// nested levels as fit, then the first top-level properties that fit, then the bare type (every object is
    /// <c>object</c>), else <paramref name="fallback"/>.
    /// </summary>
    public static string Write(JsonNode? schema, int budget, string fallback = "unknown")
    {
        for (var depth = MaxDepth; depth >= 1; depth--)
        {
            var writer = new SchemaTypeScript(depth, budget);
            var text = writer.Type(schema, 0);
            if (!writer._over && text.Length <= budget)
            {
                return text;
            }
        }

        // Too many properties even one level deep (a GitHub repository has about 100): the first ones that fit, then an
        // index signature, so the model still sees the names it is most likely to use.
        var cut = new SchemaTypeScript(1, budget, cutTopLevel: true);
        var first = cut.Type(schema, 0);
        if (!cut._over && first.Length <= budget)
        {
            return first;
        }

        // Not an object of properties (a union of large objects): the bare type.
        var bare = new SchemaTypeScript(0, budget).Type(schema, 0);
        return bare.Length <= budget ? bare : fallback;
    }

    /// <summary>A property name as TypeScript accepts it: bare when it is an identifier, else a JSON string.</summary>
    public static string Key(string name) => IsIdentifier(name) ? name : Quote(name);

    private string Type(JsonNode? node, int depth)
    {
        if (node is JsonValue boolean && boolean.TryGetValue<bool>(out var allowed))
        {
            return allowed ? "unknown" : "never";
        }

        if (node is not JsonObject schema)
        {
            return "unknown";
        }

        if (schema[OpenApiSchemas.CycleMarker] is JsonValue cut && cut.TryGetValue<string>(out var target))
        {
            return "unknown /* " + CommentSafe(target[(target.LastIndexOf('/') + 1)..]) + ", recursive */";
        }

        if (schema.TryGetPropertyValue("const", out var constant))
        {
            return Literal(constant);
        }

        if (schema["enum"] is JsonArray members && members.Count is > 0 and <= MaxEnumMembers)
        {
            return string.Join(" | ", members.Select(Literal).Distinct(StringComparer.Ordinal));
        }

        var composed = Composition(schema, depth);
        var typed = Typed(schema, depth);
        return (composed, typed) switch
        {
            (null, _) => typed ?? "unknown",
            (_, null) => composed,
            _ => Grouped(composed) + " & " + Grouped(typed),
        };
    }

    // oneOf/anyOf: any of the members; allOf: all of them at once.
    private string? Composition(JsonObject schema, int depth)
    {
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema[keyword] is JsonArray options && options.Count > 0)
            {
                return Union(options.Select(o => Type(o, depth)));
            }
        }

        return schema["allOf"] is JsonArray parts && parts.Count > 0
            ? string.Join(" & ", parts.Select(p => Grouped(Type(p, depth))).Distinct(StringComparer.Ordinal))
            : null;
    }

    private string? Typed(JsonObject schema, int depth)
    {
        var types = schema["type"] switch
        {
            JsonValue single when single.TryGetValue<string>(out var name) => [name],
            JsonArray list => list.Select(t => t is JsonValue v && v.TryGetValue<string>(out var name) ? name : null).OfType<string>().ToList(),
            _ => null,
        };
        if (types is null)
        {
            // No type keyword: properties or items still say what it is.
            types = schema.ContainsKey("properties") || schema.ContainsKey("additionalProperties") ? ["object"]
                : schema.ContainsKey("items") ? ["array"]
                : null;
        }

        return types is null or { Count: 0 } ? null : Union(types.Select(t => Primitive(t, schema, depth)));
    }

    private string Primitive(string type, JsonObject schema, int depth)
    {
        switch (type)
        {
            case "string":
                return "string";
            case "integer":
            case "number":
                return "number";
            case "boolean":
                return "boolean";
            case "null":
                return "null";
            case "array":
                return schema["items"] is { } items ? ArrayOf(Type(items, depth)) : "unknown[]";
            case "object":
                return ObjectType(schema, depth);
            default:
                return "unknown";
        }
    }

    private string ObjectType(JsonObject schema, int depth)
    {
        var properties = schema["properties"] as JsonObject;
        var extra = schema["additionalProperties"];
        if (depth >= _maxDepth || _over)
        {
            return "object";
        }

        var members = new List<string>();
        if (properties is not null)
        {
            var required = Required(schema);
            var length = 0;
            foreach (var (name, value) in properties)
            {
                var member = Key(name) + (required.Contains(name) ? ": " : "?: ") + Type(value, depth + 1);
                if (_cutTopLevel && depth == 0 && length + member.Length + CutMarkerLength > _budget)
                {
                    members.Add($"[more: string]: unknown /* {properties.Count - members.Count} more properties */");
                    return "{ " + string.Join("; ", members) + " }";
                }

                members.Add(member);
                // A large schema stops early instead of writing megabytes that the budget would throw away.
                if ((length += member.Length + 2) > _budget)
                {
                    _over = true;
                    return "object";
                }
            }
        }

        // additionalProperties: a schema gives the index signature its type; true (or absent, with no properties) any value.
        if (extra is JsonObject additional)
        {
            members.Add("[key: string]: " + (members.Count > 0 ? "unknown" : Type(additional, depth + 1)));
        }
        else if (properties is null && !(extra is JsonValue closed && closed.TryGetValue<bool>(out var open) && !open))
        {
            return "Record<string, unknown>";
        }

        return members.Count == 0 ? "{}" : "{ " + string.Join("; ", members) + " }";
    }

    private static HashSet<string> Required(JsonObject schema) =>
        schema["required"] is JsonArray list
            ? list.Select(r => r is JsonValue v && v.TryGetValue<string>(out var name) ? name : null).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];

    private static string Union(IEnumerable<string> types)
    {
        var distinct = types.SelectMany(t => t == "unknown" ? [t] : SplitTopLevelUnion(t)).Distinct(StringComparer.Ordinal).ToList();
        return distinct.Contains("unknown") ? "unknown" : string.Join(" | ", distinct);
    }

    // "a | b" from a member is spread into the outer union, so "string | null" twice stays "string | null".
    private static IEnumerable<string> SplitTopLevelUnion(string type)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < type.Length; i++)
        {
            switch (type[i])
            {
                case '{' or '(' or '<' or '[':
                    depth++;
                    break;
                case '}' or ')' or '>' or ']':
                    depth--;
                    break;
                case '"':
                    i = SkipString(type, i);
                    break;
                case '/' when i + 1 < type.Length && type[i + 1] == '*':
                    var end = type.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? type.Length - 1 : end + 1;
                    break;
                case '|' when depth == 0:
                    yield return type[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        yield return type[start..].Trim();
    }

    private static int SkipString(string text, int quote)
    {
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    private static string ArrayOf(string element) => Grouped(element) + "[]";

    /// <summary>A type in parentheses when it is a union or intersection, so <c>[]</c> or <c>&amp;</c> applies to all of it.</summary>
    private static string Grouped(string type) =>
        SplitTopLevelUnion(type).Skip(1).Any() || HasTopLevel(type, '&') ? "(" + type + ")" : type;

    private static bool HasTopLevel(string type, char symbol)
    {
        var depth = 0;
        for (var i = 0; i < type.Length; i++)
        {
            var c = type[i];
            if (c is '{' or '(' or '<' or '[')
            {
                depth++;
            }
            else if (c is '}' or ')' or '>' or ']')
            {
                depth--;
            }
            else if (c == '"')
            {
                i = SkipString(type, i);
            }
            else if (c == symbol && depth == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Literal(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => "unknown",
    };

    private static string Quote(string text) =>
        JsonSerializer.Serialize(text, RelaxedJson);

    private static string CommentSafe(string text) => text.Replace("*/", "*\\/", StringComparison.Ordinal);

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] is '_' or '$'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '$'))
            {
                return false;
            }
        }

        return true;
    }

}
