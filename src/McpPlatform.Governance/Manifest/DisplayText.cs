using System.Globalization;
using System.Text;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Quotes manifest text (attacker-controllable in a poisoned tool) for messages: control characters, format
/// characters (bidirectional overrides, zero-width characters, Unicode tag characters used to smuggle hidden
/// instructions) and line separators become <c>\u{XXXX}</c>, so a terminal cannot be steered by escape sequences
/// and a reviewer sees hidden characters instead of missing them.
/// </summary>
public static class DisplayText
{
    /// <summary>The text in double quotes with unsafe characters escaped, cut to <paramref name="maxLength"/> characters.</summary>
    public static string Quote(string text, int maxLength = 160)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(Math.Min(text.Length, maxLength) + 2).Append('"');
        var shown = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (shown >= maxLength)
            {
                return result.Append($"\"… ({text.Length} characters)").ToString();
            }

            shown += rune.Utf16SequenceLength;
            if (rune.Value is '"' or '\\')
            {
                result.Append('\\').Append((char)rune.Value);
            }
            else if (IsUnsafe(rune))
            {
                result.Append("\\u{").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture)).Append('}');
            }
            else
            {
                result.Append(rune.ToString());
            }
        }

        return result.Append('"').ToString();
    }

    /// <summary>The text with unsafe characters escaped as <c>\u{XXXX}</c>, without quotes or a length limit.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasUnsafe(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 8);
        foreach (var rune in text.EnumerateRunes())
        {
            _ = IsUnsafe(rune)
                ? result.Append("\\u{").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture)).Append('}')
                : result.Append(rune.ToString());
        }

        return result.ToString();
    }

    /// <summary>True for characters a reviewer cannot see or a terminal would interpret.</summary>
    public static bool IsUnsafe(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control // C0, DEL, C1 (including the 8-bit CSI)
        or UnicodeCategory.Format // bidi overrides and isolates, zero-width characters, tag characters U+E0000..E007F
        or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Surrogate // a lone surrogate (EnumerateRunes yields U+FFFD, kept for safety)
        or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned;

    /// <summary>True when the text contains a character <see cref="IsUnsafe"/> would escape.</summary>
    public static bool HasUnsafe(string text) => text.EnumerateRunes().Any(IsUnsafe);
}
