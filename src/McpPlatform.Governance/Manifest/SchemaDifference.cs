using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Says which top-level properties of an object schema were added, removed, changed type or became (no longer)
/// required, e.g. <c>: added "limit" (integer); "jql" type string → array; "project" now required</c>.
/// </summary>
internal static class SchemaDifference
{
    public static string Describe(JsonElement before, JsonElement after)
    {
        var oldProperties = Properties(before);
        var newProperties = Properties(after);
        var parts = new List<string>();
        foreach (var (name, schema) in newProperties.Where(p => !oldProperties.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            parts.Add($"added {DisplayText.Quote(name, 60)} ({TypeOf(schema)})");
        }

        foreach (var name in oldProperties.Keys.Where(k => !newProperties.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            parts.Add($"removed {DisplayText.Quote(name, 60)}");
        }

        foreach (var (name, schema) in newProperties.Where(p => oldProperties.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var old = oldProperties[name];
            if (TypeOf(old) != TypeOf(schema))
            {
                parts.Add($"{DisplayText.Quote(name, 60)} type {TypeOf(old)} → {TypeOf(schema)}");
            }
            else if (CanonicalJson.Sha256(old) != CanonicalJson.Sha256(schema))
            {
                parts.Add($"{DisplayText.Quote(name, 60)} changed");
            }
        }

        var oldRequired = Required(before);
        var newRequired = Required(after);
        parts.AddRange(newRequired.Except(oldRequired).Order(StringComparer.Ordinal).Select(r => $"{DisplayText.Quote(r, 60)} now required"));
        parts.AddRange(oldRequired.Except(newRequired).Order(StringComparer.Ordinal).Select(r => $"{DisplayText.Quote(r, 60)} no longer required"));
        return parts.Count == 0 ? " (outside its properties)" : ": " + string.Join("; ", parts);
    }

    /// <summary>
    /// True when <paramref name="after"/> accepts arguments <paramref name="before"/> refused, as far as the top level
    /// shows: a property added, a requirement dropped, <c>additionalProperties: false</c> lifted, or a property's type
    /// list grown or its constraints removed (it became <c>any</c>).
    /// </summary>
    public static bool AcceptsMore(JsonElement before, JsonElement after)
    {
        var oldProperties = Properties(before);
        var newProperties = Properties(after);
        if (newProperties.Keys.Any(k => !oldProperties.ContainsKey(k)) || Required(before).Except(Required(after)).Any())
        {
            return true;
        }

        if (ClosedToOthers(before) && !ClosedToOthers(after))
        {
            return true;
        }

        return newProperties.Where(p => oldProperties.ContainsKey(p.Key)).Any(p =>
        {
            var oldTypes = RawTypeOf(oldProperties[p.Key]).Split('|');
            var newTypes = RawTypeOf(p.Value).Split('|');
            return newTypes.Contains("any") ? !oldTypes.Contains("any") : newTypes.Except(oldTypes).Any();
        });
    }

    private static bool ClosedToOthers(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;

    private static Dictionary<string, JsonElement> Properties(JsonElement schema)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                result.TryAdd(property.Name, property.Value);
            }
        }

        return result;
    }

    private static HashSet<string> Required(JsonElement schema)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in required.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String))
            {
                result.Add(item.GetString()!);
            }
        }

        return result;
    }

    private static string TypeOf(JsonElement schema)
    {
        var type = RawTypeOf(schema);
        return type.All(c => char.IsAsciiLetter(c) || c == '|') ? type : DisplayText.Quote(type, 40);
    }

    private static string RawTypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return "any";
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => type.GetString()!,
            JsonValueKind.Array => string.Join("|", type.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : t.GetRawText())),
            _ => type.GetRawText(),
        };
    }
}
