using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// The canonical form of JSON used for every manifest hash (docs/governance-manifest.md): no insignificant
/// whitespace, object members sorted by name (ordinal, UTF-16 code units), arrays in document order, strings
/// escaped only where JSON requires it (<c>\"</c>, <c>\\</c>, <c>\b</c>, <c>\f</c>, <c>\n</c>, <c>\r</c>,
/// <c>\t</c>, other characters below U+0020 as <c>\u00xx</c>) and otherwise raw UTF-8, and numbers, <c>true</c>,
/// <c>false</c> and <c>null</c> exactly as written in the source.
/// </summary>
/// <remarks>The source generator has its own implementation of the same form; tests prove the two agree.</remarks>
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
        Write(element, buffer, omitTopLevelMember: null);
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
    internal static string Sha256(JsonElement element, string? omitTopLevelMember)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(element, buffer, omitTopLevelMember);
        return HashPrefix + Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>Appends <paramref name="value"/> as a quoted JSON string with the canonical escaping.</summary>
    internal static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u00").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
    }

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

    private static void Write(JsonElement element, ArrayBufferWriter<byte> output, string? omitTopLevelMember)
    {
        var text = new StringBuilder();
        Append(text, element, omitTopLevelMember);
        output.Write(EncodeUtf8(text.ToString()));
    }

    private static void Append(StringBuilder text, JsonElement element, string? omitMember)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject()
                    .Where(m => omitMember is null || m.Name != omitMember)
                    .OrderBy(m => m.Name, StringComparer.Ordinal)
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
                    Append(text, members[i].Value, omitMember: null);
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
                    Append(text, item, omitMember: null);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                AppendString(text, ReadString(element));
                break;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null:
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
