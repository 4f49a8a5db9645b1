using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Typed access to the members of a parsed JSON text, failing with a <see cref="ManifestFormatException"/> that
/// names the source, the line and the field path of whatever is missing or of the wrong type.
/// </summary>
internal sealed class ManifestFieldReader(string sourceName, JsonLineMap lines)
{
    public string SourceName { get; } = sourceName;

    public ManifestFormatException Error(string path, string problem) => new(SourceName, lines.LineOf(path), path, problem);

    public ManifestTamperedException Tampered(string path, string problem) => new(SourceName, lines.LineOf(path), path, problem);

    public ManifestEarlierFormException EarlierForm(string path, string problem) => new(SourceName, lines.LineOf(path), path, problem);

    /// <summary>Checks that <paramref name="element"/> is an object with no members but <paramref name="known"/>.</summary>
    public void Object(JsonElement element, string path, params string[] known)
    {
        Expect(element, path, JsonValueKind.Object, "an object");
        foreach (var member in element.EnumerateObject())
        {
            if (Array.IndexOf(known, member.Name) < 0)
            {
                throw Error(JsonLineMap.Join(path, member.Name), $"unknown member; expected only {string.Join(", ", known)} here (manifest format version {ManifestFiles.FormatVersion})");
            }
        }
    }

    public JsonElement Required(JsonElement obj, string path, string name, string expected)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            throw Error(JsonLineMap.Join(path, name), $"missing; expected {expected}");
        }

        return value;
    }

    public string String(JsonElement obj, string path, string name, bool allowEmpty = false)
    {
        var memberPath = JsonLineMap.Join(path, name);
        return StringValue(Required(obj, path, name, "a string"), memberPath, allowEmpty);
    }

    public string? OptionalString(JsonElement obj, string path, string name) =>
        obj.TryGetProperty(name, out var value) ? StringValue(value, JsonLineMap.Join(path, name), allowEmpty: false) : null;

    public string StringValue(JsonElement value, string path, bool allowEmpty = false)
    {
        Expect(value, path, JsonValueKind.String, "a string");
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Error(path, "not valid Unicode (a lone surrogate escape)");
        }

        if (!allowEmpty && text.Length == 0)
        {
            throw Error(path, "must not be empty");
        }

        return text;
    }

    public bool Boolean(JsonElement obj, string path, string name)
    {
        var memberPath = JsonLineMap.Join(path, name);
        var value = Required(obj, path, name, "true or false");
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(memberPath, $"expected true or false, found {Describe(value)}"),
        };
    }

    /// <summary>A sorted (ordinal), duplicate-free array of non-empty strings; missing is empty when <paramref name="optional"/>.</summary>
    public IReadOnlyList<string> SortedStrings(JsonElement obj, string path, string name, bool optional)
    {
        var memberPath = JsonLineMap.Join(path, name);
        if (!obj.TryGetProperty(name, out var value))
        {
            return optional ? [] : throw Error(memberPath, "missing; expected an array of strings");
        }

        Expect(value, memberPath, JsonValueKind.Array, "an array of strings");
        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = JsonLineMap.Item(memberPath, items.Count);
            var text = StringValue(item, itemPath);
            if (items.Count > 0 && string.CompareOrdinal(items[^1], text) >= 0)
            {
                throw Error(itemPath, $"{Shown(text)} is out of order or repeated; the array must be sorted (ordinal) without duplicates");
            }

            items.Add(text);
        }

        return items;
    }

    /// <summary>
    /// An array of entries sorted by name (ordinal) without duplicates, each read by <paramref name="read"/> from its
    /// element and path; <paramref name="noun"/> names one entry in messages ("the tool name 'x' is used twice").
    /// </summary>
    public List<T> SortedByName<T>(JsonElement array, string path, string noun, Func<(JsonElement Value, string Path), T> read, Func<T, string> nameOf)
    {
        Expect(array, path, JsonValueKind.Array, $"an array of {noun}s");
        var items = new List<T>();
        foreach (var element in array.EnumerateArray())
        {
            var itemPath = JsonLineMap.Item(path, items.Count);
            var item = read((element, itemPath));
            if (items.Count > 0 && string.CompareOrdinal(nameOf(items[^1]), nameOf(item)) >= 0)
            {
                var (previous, name) = (nameOf(items[^1]), nameOf(item));
                throw Error(JsonLineMap.Join(itemPath, "name"), string.Equals(previous, name, StringComparison.Ordinal)
                    ? $"the {noun} name {Shown(name)} is used twice"
                    : $"{Shown(name)} comes after {Shown(previous)}; {noun}s must be sorted by name (ordinal)");
            }

            items.Add(item);
        }

        return items;
    }

    public void Expect(JsonElement value, string path, JsonValueKind kind, string expected)
    {
        if (value.ValueKind != kind)
        {
            throw Error(path, $"expected {expected}, found {Describe(value)}");
        }
    }

    /// <summary>A short description of a value for error messages: its kind and, for scalars, a bounded excerpt.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string " + Excerpt(value.GetRawText()),
        JsonValueKind.Number => "a number " + Excerpt(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null (optional members are omitted, never null)",
        _ => value.ValueKind.ToString(),
    };

    private static string Excerpt(string raw) => raw.Length <= 40 ? raw : raw[..37] + "...";

    /// <summary>A value from the file for an error message: in single quotes, cut to 60 characters.</summary>
    public static string Shown(string value) => value.Length <= 60 ? $"'{value}'" : $"'{value[..57]}...'";
}
