using System.Text;

namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// Parses CSV records (RFC 4180): comma-separated fields, a field in double quotes may hold commas, line breaks
/// and quotes doubled (<c>""</c>). The header row names the columns; <c>host</c>, <c>path</c> and <c>body</c> are
/// required, <c>time</c> or <c>timestamp</c> and <c>user</c> or <c>client</c> are optional, names ignore case
/// and other columns are ignored. Every record has as many fields as the header.
/// </summary>
internal sealed class CsvParser
{
    private enum Column : byte
    {
        Other,
        Host,
        Path,
        Body,
        Time,
        User,
    }

    private readonly Column[] _columns;
    private readonly ScratchBuffer _host = new();
    private readonly ScratchBuffer _path = new();
    private readonly ScratchBuffer _body = new();
    private readonly ScratchBuffer _time = new();
    private readonly ScratchBuffer _user = new();

    private CsvParser(Column[] columns) => _columns = columns;

    /// <summary>Reads the header row, or returns the reason it is not a usable one.</summary>
    public static CsvParser? FromHeader(ReadOnlySpan<byte> header, out string? error)
    {
        var names = new List<string>();
        var scratch = new ScratchBuffer();
        error = Split(header, (index, field) => names.Add(Encoding.UTF8.GetString(field).Trim()), scratch);
        if (error is not null)
        {
            error = $"the CSV header is malformed: {error}";
            return null;
        }

        var columns = new Column[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var column = names[i].ToLowerInvariant() switch
            {
                "host" => Column.Host,
                "path" => Column.Path,
                "body" => Column.Body,
                "time" or "timestamp" => Column.Time,
                "user" or "client" => Column.User,
                _ => Column.Other,
            };
            columns[i] = column != Column.Other && Array.IndexOf(columns, column, 0, i) >= 0 ? Column.Other : column;
        }

        var missing = new[] { Column.Host, Column.Path, Column.Body }.Where(c => Array.IndexOf(columns, c) < 0).Select(c => c.ToString().ToLowerInvariant()).ToArray();
        if (missing.Length > 0)
        {
            error = $"the CSV header has no {string.Join(", ", missing)} column; it needs host, path and body (found: {string.Join(",", names)})";
            return null;
        }

        return new CsvParser(columns);
    }

    /// <summary>How many fields every record has.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>Fills <paramref name="record"/> from one CSV record, or returns the reason it cannot.</summary>
    public string? TryParse(ReadOnlySpan<byte> line, ref LogRecord record)
    {
        record = default;
        var count = 0;
        var position = 0;
        while (true)
        {
            ReadOnlySpan<byte> field;
            var escaped = false;
            if (position < line.Length && line[position] == (byte)'"')
            {
                var close = ClosingQuote(line, position + 1, out escaped);
                if (close < 0)
                {
                    return $"field {count + 1} has an unterminated quote";
                }

                field = line[(position + 1)..close];
                position = close + 1;
                if (position < line.Length && line[position] != (byte)',')
                {
                    return $"field {count + 1} has text after its closing quote";
                }
            }
            else
            {
                var comma = line[position..].IndexOf((byte)',');
                var end = comma < 0 ? line.Length : position + comma;
                field = line[position..end];
                position = end;
                if (field.IndexOf((byte)'"') >= 0)
                {
                    return $"field {count + 1} has a quote but is not quoted";
                }
            }

            if (count < _columns.Length)
            {
                switch (_columns[count])
                {
                    case Column.Host:
                        record.Host = Unescape(field, escaped, _host);
                        break;
                    case Column.Path:
                        record.Path = Unescape(field, escaped, _path);
                        break;
                    case Column.Body:
                        // Unescape only a body that may be MCP; "jsonrpc" survives doubled quotes.
                        record.Body = escaped && field.IndexOf("jsonrpc"u8) >= 0 ? Unescape(field, escaped, _body) : field;
                        break;
                    case Column.Time:
                        record.Time = Unescape(field, escaped, _time).Trim((byte)' ');
                        break;
                    case Column.User:
                        record.User = Unescape(field, escaped, _user);
                        break;
                }
            }

            count++;
            if (position >= line.Length)
            {
                break;
            }

            position++; // the comma
        }

        if (count != _columns.Length)
        {
            return $"{count} fields, but the header has {_columns.Length}";
        }

        return record.Host.Trim((byte)' ').IsEmpty ? "the host is empty" : null;
    }

    /// <summary>Whether <paramref name="text"/> leaves a quoted field open, so the record goes on after the line break.</summary>
    /// <remarks>Only a quote that opens a field opens a quoted field; a stray quote inside an unquoted field does not.</remarks>
    public static bool EndsInsideQuotes(ReadOnlySpan<byte> text)
    {
        if (text.IndexOf((byte)'"') < 0)
        {
            return false;
        }

        var i = 0;
        while (true)
        {
            if (i < text.Length && text[i] == (byte)'"')
            {
                i++;
                while (true)
                {
                    var quote = text[i..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        return true;
                    }

                    i += quote + 1;
                    if (i < text.Length && text[i] == (byte)'"')
                    {
                        i++;
                        continue;
                    }

                    break;
                }
            }

            var comma = text[i..].IndexOf((byte)',');
            if (comma < 0)
            {
                return false;
            }

            i += comma + 1;
        }
    }

    private static int ClosingQuote(ReadOnlySpan<byte> line, int from, out bool escaped)
    {
        escaped = false;
        var i = from;
        while (true)
        {
            var quote = line[i..].IndexOf((byte)'"');
            if (quote < 0)
            {
                return -1;
            }

            i += quote;
            if (i + 1 < line.Length && line[i + 1] == (byte)'"')
            {
                escaped = true;
                i += 2;
                continue;
            }

            return i;
        }
    }

    private static ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> field, bool escaped, ScratchBuffer scratch)
    {
        if (!escaped)
        {
            return field;
        }

        var buffer = scratch.Get(field.Length);
        var length = 0;
        for (var i = 0; i < field.Length; i++)
        {
            buffer[length++] = field[i];
            if (field[i] == (byte)'"')
            {
                i++; // "" -> "
            }
        }

        return buffer[..length];
    }

    private delegate void FieldAction(int index, ReadOnlySpan<byte> field);

    private static string? Split(ReadOnlySpan<byte> line, FieldAction action, ScratchBuffer scratch)
    {
        var index = 0;
        var position = 0;
        while (true)
        {
            if (position < line.Length && line[position] == (byte)'"')
            {
                var close = ClosingQuote(line, position + 1, out var escaped);
                if (close < 0)
                {
                    return $"field {index + 1} has an unterminated quote";
                }

                action(index, Unescape(line[(position + 1)..close], escaped, scratch));
                position = close + 1;
                if (position < line.Length && line[position] != (byte)',')
                {
                    return $"field {index + 1} has text after its closing quote";
                }
            }
            else
            {
                var comma = line[position..].IndexOf((byte)',');
                var end = comma < 0 ? line.Length : position + comma;
                action(index, line[position..end]);
                position = end;
            }

            index++;
            if (position >= line.Length)
            {
                return null;
            }

            position++;
        }
    }
}
