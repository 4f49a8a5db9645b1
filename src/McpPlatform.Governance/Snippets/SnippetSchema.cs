using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace McpPlatform.Governance.Snippets;

/// <summary>
/// The part of JSON Schema a snippet's <c>@input</c> may use, all of it enforced on every call (<see cref="Check"/>): at
/// any depth <c>type</c>, <c>enum</c>, <c>const</c>; objects <c>properties</c>, <c>required</c>, <c>additionalProperties</c>;
/// arrays <c>items</c>, <c>minItems</c>, <c>maxItems</c>; strings <c>minLength</c>, <c>maxLength</c>, <c>pattern</c>; numbers
/// <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>. Annotations that check nothing
/// (<c>description</c>, <c>title</c>, <c>default</c>, <c>examples</c>, ...) are allowed. Any other keyword (<c>format</c>,
/// <c>oneOf</c>, <c>$ref</c>, ...) is refused at build time (<see cref="Unchecked"/>), so nothing in a reviewed schema is
/// silently left unchecked.
/// </summary>
public static class SnippetSchema
{
    /// <summary>How long one <c>pattern</c> may take on one value.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly HashSet<string> Enforced = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "properties", "required", "additionalProperties", "items", "minItems", "maxItems",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    };

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
    };

    /// <summary>
    /// Every keyword of <paramref name="schema"/> (at any depth) the run-time check would not enforce, or whose value it
    /// cannot use, as (JSON path of the schema, keyword, why); empty when the whole schema is checked.
    /// </summary>
    public static IReadOnlyList<(string Path, string Keyword, string Problem)> Unchecked(JsonElement schema)
    {
        var found = new List<(string, string, string)>();
        Walk(schema, "$", found);
        return found;
    }

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, each naming its JSON path (<c>$.filter.labels[2]: expected string, got a number.</c>).</summary>
    public static IReadOnlyList<string> Check(JsonElement schema, JsonElement value)
    {
        var problems = new List<string>();
        Validate(schema, value, "$", problems);
        return problems;
    }

    /// <summary>The path of a property under <paramref name="path"/>: <c>$.name</c>, or <c>$['odd name']</c>.</summary>
    public static string Property(string path, string name) =>
        name.Length > 0 && name.Length <= 60 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? path + "." + name
            : path + "['" + (name.Length <= 60 ? name : name[..60] + "...").Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static void Walk(JsonElement schema, string path, List<(string, string, string)> found)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            found.Add((path, "", "a schema must be an object, true or false"));
            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var name = keyword.Name;
            var value = keyword.Value;
            if (Annotations.Contains(name))
            {
                continue;
            }

            if (!Enforced.Contains(name))
            {
                found.Add((path, name, "is not checked when the snippet is called; the keywords checked are " + string.Join(", ", Enforced)));
                continue;
            }

            switch (name)
            {
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        Walk(property.Value, Property(path, property.Name), found);
                    }

                    break;
                case "properties":
                    found.Add((path, name, "must be an object of schemas"));
                    break;
                case "items" or "additionalProperties":
                    Walk(value, path + (name == "items" ? "[*]" : ".*"), found);
                    break;
                case "minItems" or "maxItems" or "minLength" or "maxLength" when !(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0):
                    found.Add((path, name, "must be a non-negative integer"));
                    break;
                case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" when value.ValueKind != JsonValueKind.Number:
                    found.Add((path, name, "must be a number"));
                    break;
                case "enum" when value.ValueKind != JsonValueKind.Array:
                    found.Add((path, name, "must be an array of values"));
                    break;
                case "required" when value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String):
                    found.Add((path, name, "must be an array of property names"));
                    break;
                case "pattern" when value.ValueKind != JsonValueKind.String || PatternProblem(value.GetString()!) is not null:
                    found.Add((path, name, value.ValueKind != JsonValueKind.String ? "must be a string" : "is not a regular expression .NET can use: " + PatternProblem(value.GetString()!)));
                    break;
            }
        }
    }

    private static string? PatternProblem(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, PatternTimeout);
            return null;
        }
        catch (ArgumentException failure)
        {
            return failure.Message;
        }
    }

    private static void Validate(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        if (schema.ValueKind == JsonValueKind.False)
        {
            problems.Add($"{path}: is not allowed here.");
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !Matches(type, value))
        {
            problems.Add($"{path}: expected {Describe(type)}, got {KindOf(value)}.");
            return; // the other keywords speak of a value of the right type
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            problems.Add($"{path}: must be {Shown(constant.GetRawText())}.");
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            problems.Add($"{path}: must be one of {Shown(allowed.GetRawText())}.");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, path, problems);
                break;
            case JsonValueKind.Number:
                CheckNumber(schema, value, path, problems);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, value, path, problems);
                break;
            case JsonValueKind.Object:
                CheckObject(schema, value, path, problems);
                break;
        }
    }

    private static void CheckString(JsonElement schema, string text, string path, List<string> problems)
    {
        // JSON Schema counts characters as code points, not UTF-16 units.
        var length = text.EnumerateRunes().Count();
        if (schema.TryGetProperty("minLength", out var min) && min.TryGetInt32(out var least) && length < least)
        {
            problems.Add($"{path}: must be at least {least} characters long (is {length}).");
        }

        if (schema.TryGetProperty("maxLength", out var max) && max.TryGetInt32(out var most) && length > most)
        {
            problems.Add($"{path}: must be at most {most} characters long (is {length}).");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
        {
            try
            {
                if (!Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, PatternTimeout))
                {
                    problems.Add($"{path}: must match the pattern {Shown(pattern.GetString()!)}.");
                }
            }
            catch (RegexMatchTimeoutException)
            {
                problems.Add($"{path}: could not be matched against its pattern within {PatternTimeout.TotalMilliseconds} ms.");
            }
        }
    }

    private static void CheckNumber(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        var number = value.GetDouble();
        Bound(schema, "minimum", number, path, problems, (n, b) => n >= b, "at least");
        Bound(schema, "maximum", number, path, problems, (n, b) => n <= b, "at most");
        Bound(schema, "exclusiveMinimum", number, path, problems, (n, b) => n > b, "more than");
        Bound(schema, "exclusiveMaximum", number, path, problems, (n, b) => n < b, "less than");
    }

    private static void Bound(JsonElement schema, string keyword, double number, string path, List<string> problems, Func<double, double, bool> holds, string words)
    {
        if (schema.TryGetProperty(keyword, out var bound) && bound.ValueKind == JsonValueKind.Number && !holds(number, bound.GetDouble()))
        {
            problems.Add($"{path}: must be {words} {bound.GetRawText()} (is {number.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    private static void CheckArray(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        var count = value.GetArrayLength();
        if (schema.TryGetProperty("minItems", out var min) && min.TryGetInt32(out var least) && count < least)
        {
            problems.Add($"{path}: must have at least {least} items (has {count}).");
        }

        if (schema.TryGetProperty("maxItems", out var max) && max.TryGetInt32(out var most) && count > most)
        {
            problems.Add($"{path}: must have at most {most} items (has {count}).");
        }

        if (schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Validate(items, item, path + "[" + index++.ToString(CultureInfo.InvariantCulture) + "]", problems);
            }
        }
    }

    private static void CheckObject(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        var properties = schema.TryGetProperty("properties", out var declared) && declared.ValueKind == JsonValueKind.Object ? declared : default;
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                problems.Add($"{Property(path, name)}: is required.");
            }
        }

        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var at = Property(path, property.Name);
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(propertySchema, property.Value, at, problems);
            }
            else if (hasAdditional && additional.ValueKind == JsonValueKind.False)
            {
                problems.Add($"{at}: is not an argument here (additionalProperties is false).");
            }
            else if (hasAdditional)
            {
                Validate(additional, property.Value, at, problems);
            }
        }
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
        : type.GetString()!;

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    private static string Shown(string text) => text.Length <= 100 ? text : new StringBuilder(text, 0, 100, 103).Append("...").ToString();
}
