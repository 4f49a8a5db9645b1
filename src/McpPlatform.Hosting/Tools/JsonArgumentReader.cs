using System.Globalization;
using System.Text.Json;

namespace McpPlatform.Hosting.Tools;

/// <summary>
/// Typed reads of JSON argument values, called by generated binding code. Each read names the
/// argument path and the expected type when the value does not fit, so callers get a clear
/// error instead of a serializer exception. No reflection.
/// </summary>
public static class JsonArgumentReader
{
    /// <summary>True when the element is JSON <c>null</c> (or was never set).</summary>
    public static bool IsNull(JsonElement element) =>
        element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>Reads a string.</summary>
    public static string ReadString(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Mismatch(path, "a string", element);

    /// <summary>Reads a boolean.</summary>
    public static bool ReadBoolean(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Mismatch(path, "a boolean", element),
    };

    /// <summary>Reads a 32-bit integer.</summary>
    public static int ReadInt32(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) ? value : throw Mismatch(path, "an integer (32-bit)", element);

    /// <summary>Reads a 64-bit integer.</summary>
    public static long ReadInt64(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value) ? value : throw Mismatch(path, "an integer (64-bit)", element);

    /// <summary>Reads a 16-bit integer.</summary>
    public static short ReadInt16(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt16(out var value) ? value : throw Mismatch(path, "an integer (16-bit)", element);

    /// <summary>Reads a byte.</summary>
    public static byte ReadByte(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetByte(out var value) ? value : throw Mismatch(path, "an integer from 0 to 255", element);

    /// <summary>Reads an unsigned 32-bit integer.</summary>
    public static uint ReadUInt32(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetUInt32(out var value) ? value : throw Mismatch(path, "a non-negative integer (32-bit)", element);

    /// <summary>Reads an unsigned 64-bit integer.</summary>
    public static ulong ReadUInt64(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out var value) ? value : throw Mismatch(path, "a non-negative integer (64-bit)", element);

    /// <summary>Reads a double.</summary>
    public static double ReadDouble(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) ? value : throw Mismatch(path, "a number", element);

    /// <summary>Reads a float.</summary>
    public static float ReadSingle(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetSingle(out var value) && float.IsFinite(value) ? value : throw Mismatch(path, "a number", element);

    /// <summary>Reads a decimal.</summary>
    public static decimal ReadDecimal(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value) ? value : throw Mismatch(path, "a number", element);

    /// <summary>Reads a GUID written as a string.</summary>
    public static Guid ReadGuid(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String && Guid.TryParse(element.GetString(), out var value) ? value : throw Mismatch(path, "a UUID string", element);

    /// <summary>Reads an RFC 3339 date-time string.</summary>
    public static DateTimeOffset ReadDateTimeOffset(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            ? value
            : throw Mismatch(path, "a date-time string (RFC 3339)", element);

    /// <summary>Reads an RFC 3339 date-time string as a <see cref="DateTime"/>.</summary>
    public static DateTime ReadDateTime(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String
        && DateTime.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            ? value
            : throw Mismatch(path, "a date-time string (RFC 3339)", element);

    /// <summary>Reads an enum member from its name (case-insensitive); numbers are refused.</summary>
    public static TEnum ReadEnum<TEnum>(JsonElement element, string path)
        where TEnum : struct, Enum
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString();
            if (!string.IsNullOrEmpty(text) && !char.IsDigit(text[0]) && text[0] != '-'
                && Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value))
            {
                return value;
            }
        }

        throw Mismatch(path, "one of " + string.Join(", ", Enum.GetNames<TEnum>()), element);
    }

    /// <summary>Checks that the element is an object before its properties are bound.</summary>
    public static JsonElement ReadObject(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element : throw Mismatch(path, "an object", element);

    /// <summary>Reads an array, binding each item with <paramref name="readItem"/>.</summary>
    public static T[] ReadArray<T>(JsonElement element, string path, Func<JsonElement, string, T> readItem)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Mismatch(path, "an array", element);
        }

        var items = new T[element.GetArrayLength()];
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            items[index] = readItem(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
            index++;
        }

        return items;
    }

    /// <summary>Reads an array into a <see cref="List{T}"/>.</summary>
    public static List<T> ReadList<T>(JsonElement element, string path, Func<JsonElement, string, T> readItem) =>
        new(ReadArray(element, path, readItem));

    /// <summary>Gets a property of an object by exact name, falling back to a case-insensitive match.</summary>
    public static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The error for a missing required property of a nested object.</summary>
    public static ToolArgumentException Missing(string path, string expected) =>
        new(path, $"Missing required argument '{path}': expected {expected}.");

    /// <summary>The error for a value of the wrong JSON type; describes the value's kind, never the value.</summary>
    public static ToolArgumentException Mismatch(string path, string expected, JsonElement actual) =>
        new(path, $"Invalid argument '{path}': expected {expected}, got {Describe(actual)}.");

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
