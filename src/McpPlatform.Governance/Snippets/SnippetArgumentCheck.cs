using System.Text.Json;

namespace McpPlatform.Governance.Snippets;

/// <summary>
/// Checks a snippet call's arguments against the snippet's input schema before the script runs: required properties
/// present, no property the schema does not declare when <c>additionalProperties</c> is false, and each declared
/// property's <c>type</c> and <c>enum</c>. The first level only: a snippet's inner calls check their own arguments at the gate.
/// </summary>
public static class SnippetArgumentCheck
{
    /// <summary>Every problem of <paramref name="arguments"/> (null means none given), in a sentence each; empty when they fit.</summary>
    public static IReadOnlyList<string> Problems(string inputSchema, IDictionary<string, JsonElement>? arguments)
    {
        using var document = JsonDocument.Parse(inputSchema);
        var schema = document.RootElement;
        var given = arguments ?? new Dictionary<string, JsonElement>();
        var problems = new List<string>();
        var properties = schema.TryGetProperty("properties", out var declared) && declared.ValueKind == JsonValueKind.Object ? declared : default;
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !given.ContainsKey(n)))
            {
                problems.Add($"'{name}' is required.");
            }
        }

        var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var (name, value) in given.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var property))
            {
                if (closed)
                {
                    problems.Add($"'{Shown(name)}' is not an argument of this snippet.");
                }

                continue;
            }

            if (property.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (property.TryGetProperty("type", out var type) && !Matches(type, value))
            {
                problems.Add($"'{name}' must be {Describe(type)} (got {KindOf(value)}).");
            }

            if (property.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array
                && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
            {
                problems.Add($"'{name}' must be one of {allowed.GetRawText()}.");
            }
        }

        return problems;
    }

    private static bool Matches(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => Is(type.GetString()!, value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && Is(t.GetString()!, value)),
        _ => true,
    };

    private static bool Is(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && decimal.Truncate(number) == number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string Describe(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? "one of " + string.Join(", ", type.EnumerateArray().Select(t => t.ToString()))
        : "a " + type.GetString();

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    private static string Shown(string value) => value.Length <= 60 ? value : value[..60] + "...";
}
