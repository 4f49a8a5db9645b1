using System.Globalization;
using System.Text.Json;
using McpPlatform.Governance.Tools;

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
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) ? value : (int)ReadWhole(element, path, int.MinValue, int.MaxValue);

    /// <summary>Reads a 64-bit integer.</summary>
    public static long ReadInt64(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value) ? value : (long)ReadWhole(element, path, long.MinValue, long.MaxValue);

    /// <summary>Reads a 16-bit integer.</summary>
    public static short ReadInt16(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt16(out var value) ? value : (short)ReadWhole(element, path, short.MinValue, short.MaxValue);

    /// <summary>Reads a byte.</summary>
    public static byte ReadByte(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetByte(out var value) ? value : (byte)ReadWhole(element, path, byte.MinValue, byte.MaxValue);

    /// <summary>Reads an unsigned 32-bit integer.</summary>
    public static uint ReadUInt32(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetUInt32(out var value) ? value : (uint)ReadWhole(element, path, uint.MinValue, uint.MaxValue);

    /// <summary>Reads an unsigned 64-bit integer.</summary>
    public static ulong ReadUInt64(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out var value) ? value : (ulong)ReadWhole(element, path, ulong.MinValue, ulong.MaxValue);

    /// <summary>Reads a double; refuses numbers too large to be one (1e400 would otherwise become infinity).</summary>
    public static double ReadDouble(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw OutOfRange(path, NumberRange.Double, element);

    /// <summary>Reads a float; refuses numbers too large to be one.</summary>
    public static float ReadSingle(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetSingle(out var value) && float.IsFinite(value)
            ? value
            : throw OutOfRange(path, NumberRange.Single, element);

    /// <summary>Reads a decimal; refuses numbers too large to be one.</summary>
    public static decimal ReadDecimal(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value)
            ? value
            : throw OutOfRange(path, NumberRange.Decimal, element);

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

    /// <summary>
    /// Checks that the element is an object whose properties are all among <paramref name="accepted"/>
    /// (matched as <see cref="TryGetProperty"/> matches them): the schema says <c>additionalProperties: false</c>,
    /// and a misspelt property silently ignored would change what the call means.
    /// </summary>
    public static JsonElement ReadObject(JsonElement element, string path, IReadOnlyList<string> accepted)
    {
        ReadObject(element, path);
        List<string>? unknown = null;
        foreach (var property in element.EnumerateObject())
        {
            if (!UnknownArguments.IsAccepted(property.Name, accepted, StringComparison.OrdinalIgnoreCase))
            {
                (unknown ??= []).Add(property.Name);
            }
        }

        return unknown is null ? element : throw UnknownArguments.Error(unknown, accepted, path);
    }

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

    // Integers arrive here only when the fast path failed: a fraction, an exponent, or out of range.
    // decimal holds every value of every integer type exactly, so it decides; beyond decimal the number is out of range.
    private static decimal ReadWhole(JsonElement element, string path, decimal min, decimal max)
    {
        var range = NumberRange.Integer(min, max);
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw Mismatch(path, range.Expected, element);
        }

        // 1e-30 parses as decimal 0, so the fraction test also asks double (which keeps such values).
        var fraction = element.TryGetDecimal(out var exact)
            ? exact != decimal.Truncate(exact) || (exact == 0 && element.GetDouble() != 0)
            : element.TryGetDouble(out var approximate) && double.IsFinite(approximate) && !double.IsInteger(approximate);
        if (fraction)
        {
            throw new ToolArgumentException(path, $"Invalid argument '{path}': expected {range.Expected}, got a number with a fraction.");
        }

        return element.TryGetDecimal(out exact) && exact >= min && exact <= max ? exact : throw OutOfRange(path, range, element);
    }

    private static ToolArgumentException OutOfRange(string path, NumberRange range, JsonElement actual) =>
        actual.ValueKind == JsonValueKind.Number
            ? new(path, $"Invalid argument '{path}': expected {range.Expected}, got a number outside that range.")
            : Mismatch(path, range.Expected, actual);

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
