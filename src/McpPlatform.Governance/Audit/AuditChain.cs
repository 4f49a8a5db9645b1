using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// The hash chain over audit records, shared by the server that writes them and the verifier
/// (<c>mcp-platform audit verify</c>). A record's <see cref="AuditFields.Hash"/> is the lower-case hex
/// HMAC-SHA256 of its canonical form under the <see cref="AuditChainKey"/> (plain SHA-256 in the earlier,
/// unkeyed <see cref="AuditFields.UnkeyedSchemaVersion"/> form); its <see cref="AuditFields.PrevHash"/> is the previous record's hash
/// (<see cref="GenesisHash"/> for <see cref="AuditFields.Seq"/> 1), so editing, deleting or reordering
/// records breaks the chain.
/// </summary>
/// <remarks>
/// Records of <see cref="AuditFields.SchemaVersion"/> use the RFC 8785 (JCS) canonical form of that array
/// (<see cref="AuditCanonicalForm"/>, docs/canonical-json.md). The earlier forms (<see cref="AuditFields.UnkeyedSchemaVersion"/>,
/// <see cref="AuditFields.EarlierKeyedSchemaVersion"/>) keep their own escaping, described here, so their files still verify.
/// The earlier canonical form is a JSON array, without whitespace, of the values of <see cref="AuditFields.Hashed"/>
/// in that order: a string as a JSON string, an integer as a JSON number, an absent or null value as
/// <c>null</c>; the HMAC (or SHA-256) is over its UTF-8 bytes. Strings are escaped by <see cref="Utf8JsonWriter"/> with a
/// <see cref="JavaScriptEncoder"/> allowing only Basic Latin, so the bytes are pure ASCII and do not depend on
/// how the log file escaped them: <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\b</c>, <c>\f</c>, and
/// <c>\uXXXX</c> (upper-case hex, UTF-16 code units) for <c>"</c>, <c>&amp;</c>, <c>'</c>, <c>+</c>,
/// <c>&lt;</c>, <c>&gt;</c>, <c>`</c>, other control characters and everything outside ASCII. An unpaired
/// surrogate counts as U+FFFD, which is how it reads back from a UTF-8 file.
/// </remarks>
public static class AuditChain
{
    /// <summary>The <see cref="AuditFields.PrevHash"/> of the first record of a chain: 64 zeros.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>How the canonical form is written; shared with <see cref="AuditHasher"/>, so both produce the same bytes.</summary>
    internal static readonly JsonWriterOptions CanonicalWriterOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(new TextEncoderSettings(UnicodeRanges.BasicLatin)),
        Indented = false,
    };

    /// <summary>
    /// Computes the hash of a record about to be written, from its field values by
    /// <see cref="AuditFields"/> name. Fields not in <see cref="AuditFields.Hashed"/> (such as
    /// <see cref="AuditFields.Hash"/>) are ignored; a missing field counts as null.
    /// </summary>
    /// <param name="fields">The record's values: each a <see cref="string"/>, a <see cref="long"/> (or a smaller integer), or null.</param>
    /// <returns>The lower-case hex SHA-256 of the record's canonical form.</returns>
    /// <exception cref="ArgumentException">A hashed field holds a value of another type.</exception>
    public static string ComputeHash(IReadOnlyDictionary<string, object?> fields) => ComputeHash(fields, key: null);

    /// <summary>As <see cref="ComputeHash(IReadOnlyDictionary{string, object?})"/>, keyed: the lower-case hex HMAC-SHA256 under <paramref name="key"/>.</summary>
    /// <param name="fields">The record's values: each a <see cref="string"/>, a <see cref="long"/> (or a smaller integer), or null.</param>
    /// <param name="key">The audit chain key; null for the unkeyed SHA-256 of the earlier form.</param>
    /// <returns>The lower-case hex HMAC-SHA256 (or SHA-256) of the record's canonical form.</returns>
    /// <exception cref="ArgumentException">A hashed field holds a value of another type.</exception>
    public static string ComputeHash(IReadOnlyDictionary<string, object?> fields, AuditChainKey? key)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var hashed = HashedFields(fields.TryGetValue(AuditFields.AuditSchema, out var schema) ? schema as string : null, name => fields.TryGetValue(name, out var value) && value is not null);
        var values = new object?[hashed.Count];
        for (var i = 0; i < values.Length; i++)
        {
            fields.TryGetValue(hashed[i], out values[i]);
        }

        return HashOf(CanonicalBytes(schema as string, values), key);
    }

    /// <summary>The canonical bytes of a record's values (in <see cref="AuditFields.HashedIn"/> order) in the form its schema uses.</summary>
    internal static byte[] CanonicalBytes(string? schema, object?[] values)
    {
        if (!AuditFields.IsEarlierForm(schema))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Normalized(i < AuditFields.Hashed.Count ? AuditFields.Hashed[i] : AuditFields.HashedOptional[i - AuditFields.Hashed.Count], values[i]);
            }

            return AuditCanonicalForm.Bytes(values);
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, CanonicalWriterOptions))
        {
            WriteCanonical(writer, values);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A value as the canonical form sees it: well-formed strings, every integer type as a long.</summary>
    private static object? Normalized(string name, object? value) => value switch
    {
        null => null,
        string text => WellFormed(text),
        long number => number,
        int or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        ulong number when number <= long.MaxValue => (long)number,
        _ => throw new ArgumentException(
            $"Audit field '{name}' holds a {value.GetType().Name}; audit field values are strings, integers (long) or null.",
            nameof(value)),
    };

    /// <summary>Writes the canonical form of a record's values, given in <see cref="AuditFields.Hashed"/> order.</summary>
    /// <summary>
    /// The fields a record of <paramref name="schema"/> hashes: <see cref="AuditFields.HashedIn"/>, then, in the current
    /// schema, <see cref="AuditFields.HashedWhenPresent"/> when the record has any of them.
    /// </summary>
    private static IReadOnlyList<string> HashedFields(string? schema, Func<string, bool> has)
    {
        var hashed = AuditFields.HashedIn(schema);
        if (AuditFields.IsEarlierForm(schema))
        {
            return hashed;
        }

        return AuditFields.HashedWhenApproval.Any(has) ? [.. hashed, .. AuditFields.HashedOptional]
            : AuditFields.HashedWhenPresent.Any(has) ? [.. hashed, .. AuditFields.HashedWhenPresent]
            : hashed;
    }

    internal static void WriteCanonical(Utf8JsonWriter writer, ReadOnlySpan<object?> values)
    {
        writer.WriteStartArray();
        for (var i = 0; i < values.Length; i++)
        {
            WriteValue(writer, AuditFields.Hashed[i], values[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Computes the hash of a record as read back from a CLEF line (one parsed JSON object): strings via
    /// <see cref="JsonElement.GetString"/>, numbers via <see cref="JsonElement.GetInt64"/>, a missing or
    /// null property as null. Agrees byte for byte with <see cref="ComputeHash(IReadOnlyDictionary{string, object?})"/>
    /// over the values the server wrote.
    /// </summary>
    /// <param name="clefLine">The record: a JSON object.</param>
    /// <returns>The lower-case hex SHA-256 of the record's canonical form.</returns>
    /// <exception cref="ArgumentException"><paramref name="clefLine"/> is not a JSON object.</exception>
    /// <exception cref="FormatException">A hashed field is neither a string, an integer that fits a <see cref="long"/>, nor null.</exception>
    public static string ComputeHash(JsonElement clefLine) => ComputeHash(clefLine, key: null);

    /// <summary>As <see cref="ComputeHash(JsonElement)"/>, keyed: the lower-case hex HMAC-SHA256 under <paramref name="key"/>.</summary>
    /// <param name="clefLine">The record: a JSON object.</param>
    /// <param name="key">The audit chain key; null for the unkeyed SHA-256 of the earlier form.</param>
    /// <returns>The lower-case hex HMAC-SHA256 (or SHA-256) of the record's canonical form.</returns>
    /// <exception cref="ArgumentException"><paramref name="clefLine"/> is not a JSON object.</exception>
    /// <exception cref="FormatException">A hashed field is neither a string, an integer that fits a <see cref="long"/>, nor null.</exception>
    public static string ComputeHash(JsonElement clefLine, AuditChainKey? key)
    {
        if (clefLine.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"An audit record is a JSON object, not {Describe(clefLine.ValueKind)}.", nameof(clefLine));
        }

        var schema = clefLine.TryGetProperty(AuditFields.AuditSchema, out var named) && named.ValueKind == JsonValueKind.String ? named.GetString() : null;
        var hashed = HashedFields(schema, name => clefLine.TryGetProperty(name, out var present) && present.ValueKind != JsonValueKind.Null);
        var values = new object?[hashed.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ValueOf(hashed[i], clefLine.TryGetProperty(hashed[i], out var value) ? value : default);
        }

        return HashOf(CanonicalBytes(schema, values), key);
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(WellFormed(text));
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case int or short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong number when number <= long.MaxValue:
                writer.WriteNumberValue((long)number);
                break;
            default:
                throw new ArgumentException(
                    $"Audit field '{name}' holds a {value.GetType().Name}; audit field values are strings, integers (long) or null.",
                    nameof(value));
        }
    }

    /// <summary>A CLEF property's value as the server held it: a string, a long, or null.</summary>
    private static object? ValueOf(string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                try
                {
                    return value.GetString()!;
                }
                catch (InvalidOperationException e)
                {
                    throw new FormatException($"Audit field '{name}' is not a valid string: {e.Message}", e);
                }

            case JsonValueKind.Number when value.TryGetInt64(out var number):
                return number;
            default:
                throw new FormatException($"Audit field '{name}' is {Describe(value.ValueKind)}; audit field values are strings, integers (long) or null.");
        }
    }

    /// <summary>The string with each unpaired surrogate replaced by U+FFFD, as a UTF-8 file stores it.</summary>
    private static string WellFormed(string text)
    {
        var span = text.AsSpan();
        if (!span.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return text; // the common case, found without a loop
        }

        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsSurrogate(span[i]) && !(char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1])))
            {
                return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
            }

            if (char.IsHighSurrogate(span[i]))
            {
                i++; // the pair's low half
            }
        }

        return text;
    }

    /// <summary>The lower-case hex HMAC-SHA256 (SHA-256 without a key) of a canonical form.</summary>
    internal static string HashOf(ReadOnlySpan<byte> canonical, AuditChainKey? key)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        if (key is null)
        {
            SHA256.HashData(canonical, digest);
        }
        else
        {
            HMACSHA256.HashData(key.RecordKey, canonical, digest);
        }

        return Convert.ToHexStringLower(digest);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a non-integer or out-of-range number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };
}
