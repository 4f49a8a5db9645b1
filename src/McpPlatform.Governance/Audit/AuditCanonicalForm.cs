using System.Text;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// The RFC 8785 (JCS) canonical form of an audit record (<see cref="AuditFields.SchemaVersion"/>): the JSON array of
/// the values of <see cref="AuditFields.Hashed"/> in that order (string, integer or <c>null</c>), no whitespace,
/// strings escaped only where JSON requires it and otherwise raw UTF-8, integers in ECMAScript's number form.
/// So a reviewer can rebuild the array from a CLEF line and hash it with any stock JCS tool (docs/canonical-json.md).
/// </summary>
internal static class AuditCanonicalForm
{
    /// <summary>The canonical bytes of a record's values; strings already well-formed (no unpaired surrogates).</summary>
    public static byte[] Bytes(ReadOnlySpan<object?> values)
    {
        var text = new StringBuilder(1024).Append('[');
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            switch (values[i])
            {
                case null:
                    text.Append("null");
                    break;
                case string value:
                    JsonCanonicalization.AppendString(text, value);
                    break;
                case long number:
                    text.Append(Number(number));
                    break;
                default:
                    throw new ArgumentException($"Audit field '{AuditFieldMap.Names[i]}' holds a {values[i]!.GetType().Name}; audit field values are strings, integers (long) or null.", nameof(values));
            }
        }

        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }

    /// <summary>
    /// An integer as RFC 8785 writes it: itself up to 2^53 (every real Seq, size and duration), beyond that the
    /// ECMAScript form of the nearest double, as every JCS implementation would.
    /// </summary>
    public static string Number(long number) => number is >= -9007199254740992 and <= 9007199254740992
        ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : JsonCanonicalization.FormatNumber(number);
}
