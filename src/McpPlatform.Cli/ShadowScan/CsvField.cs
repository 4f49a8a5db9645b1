using System.Text;

namespace McpPlatform.Cli.ShadowScan;

/// <summary>What is wrong with the quoting of one raw CSV field, if anything.</summary>
internal enum CsvFieldProblem : byte
{
    None,

    /// <summary>A quote in a field that does not start with one (<c>a"b</c>).</summary>
    QuoteInUnquotedField,

    /// <summary>Text between the closing quote and the comma (<c>"ab"c</c>).</summary>
    TextAfterClosingQuote,

    /// <summary>The closing quote never comes (only possible at the end of the file).</summary>
    Unterminated,
}

/// <summary>
/// One raw field as Sep splits it (quotes left in): RFC 4180 quoting checked, then unescaped into UTF-8. Sep itself
/// pairs quotes wherever they are; the check is what turns a stray quote into a clear, located error.
/// </summary>
internal static class CsvField
{
    /// <summary>Checks the quoting of <paramref name="raw"/>.</summary>
    /// <param name="raw">The field as in the file.</param>
    /// <param name="quoted">Whether the field is in quotes.</param>
    /// <param name="escaped">Whether it holds a doubled quote to unescape.</param>
    /// <param name="offending">Where in <paramref name="raw"/> the problem is, or -1.</param>
    public static CsvFieldProblem Check(ReadOnlySpan<char> raw, out bool quoted, out bool escaped, out int offending)
    {
        escaped = false;
        offending = -1;
        quoted = raw.Length > 0 && raw[0] == '"';
        if (!quoted)
        {
            offending = raw.IndexOf('"');
            return offending < 0 ? CsvFieldProblem.None : CsvFieldProblem.QuoteInUnquotedField;
        }

        var i = 1;
        while (true)
        {
            var quote = raw[i..].IndexOf('"');
            if (quote < 0)
            {
                return CsvFieldProblem.Unterminated;
            }

            i += quote;
            if (i + 1 < raw.Length && raw[i + 1] == '"')
            {
                escaped = true; // "" inside quotes
                i += 2;
                continue;
            }

            if (i == raw.Length - 1)
            {
                return CsvFieldProblem.None;
            }

            offending = i + 1;
            return CsvFieldProblem.TextAfterClosingQuote;
        }
    }

    /// <summary>The field's value as UTF-8 in <paramref name="scratch"/>: outer quotes removed, doubled quotes single, line breaks as they are.</summary>
    public static ReadOnlySpan<byte> ToUtf8(ReadOnlySpan<char> raw, bool quoted, bool escaped, ScratchBuffer scratch)
    {
        var text = quoted ? raw[1..^1] : raw;
        var buffer = scratch.Get(Encoding.UTF8.GetMaxByteCount(text.Length));
        if (!escaped)
        {
            return buffer[..Encoding.UTF8.GetBytes(text, buffer)];
        }

        var length = 0;
        while (true)
        {
            var quote = text.IndexOf('"');
            if (quote < 0)
            {
                length += Encoding.UTF8.GetBytes(text, buffer[length..]);
                return buffer[..length];
            }

            length += Encoding.UTF8.GetBytes(text[..(quote + 1)], buffer[length..]); // up to and with the first quote of ""
            text = text[(quote + 2)..];
        }
    }

    /// <summary>The field's value as a string (for header names).</summary>
    public static string ToText(ReadOnlySpan<char> raw, bool quoted, bool escaped)
    {
        var text = new string(quoted ? raw[1..^1] : raw);
        return escaped ? text.Replace("\"\"", "\"", StringComparison.Ordinal) : text;
    }

    /// <summary>How many line breaks (CRLF, LF or CR, counted as Sep counts lines) <paramref name="text"/> holds.</summary>
    public static int CountLineBreaks(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (true)
        {
            var next = text.IndexOfAny('\r', '\n');
            if (next < 0)
            {
                return count;
            }

            count++;
            var width = text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? 2 : 1;
            text = text[(next + width)..];
        }
    }
}
