using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// The canonical form of JSON used for every manifest hash: RFC 8785, the JSON Canonicalization Scheme (JCS;
/// docs/canonical-json.md). No insignificant whitespace, object members sorted by name (UTF-16 code units),
/// arrays in document order, strings escaped only where JSON requires it and otherwise raw UTF-8, numbers in
/// ECMAScript's shortest round-trip form (<c>1.0</c> is <c>1</c>, <c>1E2</c> is <c>100</c>). Built from
/// <see cref="JsonCanonicalization"/>, the one source file the source generator compiles too.
/// </summary>
/// <remarks>
/// The earlier form (before RFC 8785) wrote numbers exactly as the source did and was otherwise the same, so a
/// manifest whose numbers were already canonical (every one the generator writes, unless a setting holds an
/// integer beyond 2^53) has the same hash in both; <see cref="EarlierFormSha256"/> recognises the others.
/// </remarks>
public static class CanonicalJson
{
    /// <summary>The prefix of every hash this platform writes: <c>sha256:</c>, then 64 lowercase hex digits.</summary>
    public const string HashPrefix = "sha256:";

    // Strict: a lone surrogate (possible through a \ud800 escape) has no UTF-8 form, so it cannot be hashed.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The canonical form of <paramref name="element"/> as UTF-8 bytes (the bytes that are hashed).</summary>
    /// <exception cref="ArgumentException">A string in the element is not valid Unicode (a lone surrogate).</exception>
    public static byte[] ToUtf8Bytes(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(element, buffer, omitTopLevelMember: null, numbersAsWritten: false);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The canonical form of <paramref name="element"/> as a string.</summary>
    /// <exception cref="ArgumentException">A string in the element is not valid Unicode (a lone surrogate).</exception>
    public static string ToCanonicalString(JsonElement element) => Encoding.UTF8.GetString(ToUtf8Bytes(element));

    /// <summary><c>sha256:</c> + the lowercase hex SHA-256 of the canonical form of <paramref name="element"/>.</summary>
    /// <exception cref="ArgumentException">A string in the element is not valid Unicode (a lone surrogate).</exception>
    public static string Sha256(JsonElement element) => Sha256(element, omitTopLevelMember: null);

    /// <summary>True when <paramref name="value"/> looks like a hash this platform writes (<c>sha256:</c> + 64 lowercase hex digits).</summary>
    public static bool IsHash(string? value) =>
        value is not null
        && value.Length == HashPrefix.Length + 64
        && value.StartsWith(HashPrefix, StringComparison.Ordinal)
        && value.AsSpan(HashPrefix.Length).ContainsAnyExcept("0123456789abcdef") is false;

    /// <summary>The hash of an object without one of its top-level members (the manifest's own <c>hash</c>).</summary>
    internal static string Sha256(JsonElement element, string? omitTopLevelMember) => Sha256(element, omitTopLevelMember, numbersAsWritten: false);

    /// <summary>
    /// The hash in the earlier, pre-RFC 8785 form: the same, except that numbers were hashed exactly as written
    /// (<c>1.0</c>, <c>9007199254740993</c>). Only for telling an older file from an edited one.
    /// </summary>
    internal static string EarlierFormSha256(JsonElement element, string? omitTopLevelMember) => Sha256(element, omitTopLevelMember, numbersAsWritten: true);

    private static string Sha256(JsonElement element, string? omitTopLevelMember, bool numbersAsWritten)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(element, buffer, omitTopLevelMember, numbersAsWritten);
        return HashPrefix + Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>Appends <paramref name="value"/> as a quoted JSON string with the canonical (RFC 8785) escaping.</summary>
    internal static void AppendString(StringBuilder text, string value) => JsonCanonicalization.AppendString(text, value);

    /// <summary>Encodes text as UTF-8, refusing lone surrogates with a message that says what is wrong.</summary>
    internal static byte[] EncodeUtf8(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("The JSON contains a string that is not valid Unicode (a lone surrogate escape such as \\ud800), which has no canonical form.", e);
        }
    }

    private static void Write(JsonElement element, ArrayBufferWriter<byte> output, string? omitTopLevelMember, bool numbersAsWritten)
    {
        var text = new StringBuilder();
        Append(text, element, omitTopLevelMember, numbersAsWritten);
        output.Write(EncodeUtf8(text.ToString()));
    }

    private static void Append(StringBuilder text, JsonElement element, string? omitMember, bool numbersAsWritten)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject()
                    .Where(m => omitMember is null || m.Name != omitMember)
                    .OrderBy(m => m.Name, JsonCanonicalization.NameOrder)
                    .ToList();
                text.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    AppendString(text, members[i].Name);
                    text.Append(':');
                    Append(text, members[i].Value, omitMember: null, numbersAsWritten);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    Append(text, item, omitMember: null, numbersAsWritten);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                AppendString(text, ReadString(element));
                break;
            case JsonValueKind.Number:
                text.Append(numbersAsWritten ? element.GetRawText() : JsonCanonicalization.CanonicalNumber(element.GetRawText()));
                break;
            case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null:
                text.Append(element.GetRawText());
                break;
            default:
                throw new ArgumentException($"A JSON element of kind {element.ValueKind} has no canonical form.", nameof(element));
        }
    }

    private static string ReadString(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException("The JSON contains a string that is not valid Unicode (a lone surrogate escape such as \\ud800), which has no canonical form.", e);
        }
    }
}
