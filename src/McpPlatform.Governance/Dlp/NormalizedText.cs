using System.Buffers;
using System.Globalization;
using System.Text;

namespace McpPlatform.Governance.Dlp;

/// <summary>
/// The text rules see: compatibility characters folded to ASCII (NFKC's mappings, see
/// <see cref="CompatibilityFolding"/>), every kind of space made a plain space and every dash a
/// hyphen, digits of every script made ASCII digits, and invisible characters (format and control
/// characters, zero-width spaces and joiners, variation selectors) removed; with the way back from
/// each of its characters to the original text, so a match is redacted where it was written.
/// </summary>
/// <remarks>
/// Plain ASCII text (printable characters, tab, CR, LF) needs none of this and is used as it is,
/// found with one vectorised search: the usual result pays nothing for normalisation.
/// </remarks>
internal readonly struct NormalizedText
{
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(
        "\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    // _map[i] is the index in the original text of the character that produced Text[i]; _map[Text.Length] is the original's length.
    private readonly int[]? _map;

    private NormalizedText(string text, int[]? map)
    {
        Text = text;
        _map = map;
    }

    /// <summary>The text rules run on.</summary>
    public string Text { get; }

    /// <summary>Where <see cref="Text"/>'s character <paramref name="index"/> (or its end) came from in the original text.</summary>
    public int OriginalIndex(int index) => _map is null ? index : _map[index];

    /// <summary>The text to scan for <paramref name="original"/>: the text itself when it is plain ASCII.</summary>
    public static NormalizedText Of(string original)
    {
        var first = original.AsSpan().IndexOfAnyExcept(PlainAscii);
        return first < 0 ? new(original, null) : FoldInPlace(original, first) ?? FoldWithMap(original, first);
    }

    /// <summary>
    /// The usual case for text that is not plain ASCII: nothing changes, or only one character for
    /// another (a no-break space, an em dash, a full-width digit), so positions stay and no map is
    /// needed. Null when a character is removed or becomes several.
    /// </summary>
    private static NormalizedText? FoldInPlace(string original, int first)
    {
        char[]? folded = null;
        for (var i = first; i < original.Length; i++)
        {
            var c = original[i];
            if (PlainAscii.Contains(c))
            {
                var plain = original.AsSpan(i).IndexOfAnyExcept(PlainAscii);
                if (plain < 0)
                {
                    break;
                }

                i += plain - 1;
                continue;
            }

            var width = char.IsHighSurrogate(c) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]) ? 2 : 1;
            var kind = Classify(width == 2 ? char.ConvertToUtf32(c, original[i + 1]) : c, out var single, out _);
            if (kind == Fold.Keep)
            {
                i += width - 1;
                continue;
            }

            if (kind != Fold.Single || width == 2)
            {
                return null;
            }

            folded ??= original.ToCharArray();
            folded[i] = single;
        }

        return new(folded is null ? original : new string(folded), null);
    }

    private static NormalizedText FoldWithMap(string original, int first)
    {
        var builder = new Builder(original, first);
        for (var i = first; i < original.Length;)
        {
            var c = original[i];
            if (PlainAscii.Contains(c))
            {
                builder.Append(c, i);
                i++;
                continue;
            }

            var width = char.IsHighSurrogate(c) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]) ? 2 : 1;
            switch (Classify(width == 2 ? char.ConvertToUtf32(c, original[i + 1]) : c, out var single, out var expansion))
            {
                case Fold.Single:
                    builder.Append(single, i);
                    break;
                case Fold.Expand:
                    foreach (var e in expansion!)
                    {
                        builder.Append(e, i);
                    }

                    break;
                case Fold.Keep:
                    builder.Append(c, i);
                    if (width == 2)
                    {
                        builder.Append(original[i + 1], i);
                    }

                    break;
            }

            i += width;
        }

        return builder.Build();
    }

    /// <summary>What becomes of one code point that is not plain ASCII.</summary>
    private static Fold Classify(int codePoint, out char single, out string? expansion)
    {
        expansion = null;
        single = '\0';

        // Letters of the scripts most non-ASCII text is written in (Latin-1, kana, CJK, Hangul) have nothing to fold.
        if (codePoint is (>= 0xC0 and <= 0xFF) or (>= 0x3041 and <= 0x30FF and not 0x30A0) or (>= 0x3400 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7A3))
        {
            return Fold.Keep;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(codePoint))
        {
            case UnicodeCategory.Format or UnicodeCategory.Control:
                return Fold.Remove;
            case UnicodeCategory.SpaceSeparator:
                single = ' ';
                return Fold.Single;
            case UnicodeCategory.DashPunctuation:
                single = '-';
                return Fold.Single;
            case UnicodeCategory.DecimalDigitNumber:
                // Beyond NFKC (which keeps Arabic-Indic, Devanagari... digits): a number is a number in any script.
                single = (char)('0' + (int)Rune.GetNumericValue(new Rune(codePoint)));
                return Fold.Single;
        }

        if (IsDefaultIgnorable(codePoint))
        {
            return Fold.Remove;
        }

        if (codePoint == 0x2212)
        {
            single = '-'; // the minus sign
            return Fold.Single;
        }

        if (CompatibilityFolding.TryFold(codePoint, out single, out expansion))
        {
            return expansion is null ? Fold.Single : Fold.Expand;
        }

        return Fold.Keep;
    }

    /// <summary>
    /// Besides format (Cf: zero-width space/joiners, word joiner, BOM, soft hyphen, bidi controls...)
    /// and control characters other than tab, CR and LF, the other code points that show nothing, so
    /// an attacker can put them inside a number or a key unnoticed: combining grapheme joiner,
    /// variation selectors, Hangul fillers, tags...
    /// </summary>
    private static bool IsDefaultIgnorable(int codePoint) =>
        codePoint is 0x034F or (>= 0x115F and <= 0x1160) or (>= 0x17B4 and <= 0x17B5) or (>= 0x180B and <= 0x180F)
            or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8) or (>= 0x1BCA0 and <= 0x1BCA3)
            or (>= 0xE0000 and <= 0xE0FFF);

    private enum Fold
    {
        Keep,
        Single,
        Expand,
        Remove,
    }

    /// <summary>Collects the normalised characters and where each came from.</summary>
    private struct Builder
    {
        private readonly string _original;
        private readonly StringBuilder _text;
        private int[] _map;

        public Builder(string original, int plainPrefix)
        {
            _original = original;
            _text = new StringBuilder(original.Length + 8).Append(original, 0, plainPrefix);
            _map = new int[original.Length + 9];
            for (var i = 0; i < plainPrefix; i++)
            {
                _map[i] = i;
            }
        }

        public void Append(char c, int originalIndex)
        {
            if (_text.Length + 1 >= _map.Length)
            {
                Array.Resize(ref _map, _map.Length * 2);
            }

            _map[_text.Length] = originalIndex;
            _text.Append(c);
        }

        public readonly NormalizedText Build()
        {
            _map[_text.Length] = _original.Length;
            return new(_text.ToString(), _map);
        }
    }
}
