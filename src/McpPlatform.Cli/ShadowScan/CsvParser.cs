using nietras.SeparatedValues;

namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// Turns CSV rows read by Sep (see <see cref="CsvRowReader"/>) into log records (RFC 4180): comma-separated fields,
/// a field in double quotes may hold commas, line breaks (kept exactly, CRLF included) and quotes doubled
/// (<c>""</c>). The header row names the columns; <c>host</c>, <c>path</c> and <c>body</c> are required,
/// <c>time</c> or <c>timestamp</c> and <c>user</c> or <c>client</c> are optional, names ignore case and other
/// columns are ignored. Every record has as many fields as the header.
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
    public static CsvParser? FromHeader(SepReader.Row header, out string? error)
    {
        var names = new string[header.ColCount];
        for (var i = 0; i < names.Length; i++)
        {
            var raw = header[i].Span;
            var problem = CsvField.Check(raw, out var quoted, out var escaped, out _);
            if (problem != CsvFieldProblem.None)
            {
                error = $"the CSV header is malformed: {(problem == CsvFieldProblem.Unterminated ? $"field {i + 1} has an unterminated quote" : Describe(problem, i))}";
                return null;
            }

            names[i] = CsvField.ToText(raw, quoted, escaped).Trim();
        }

        var columns = new Column[names.Length];
        for (var i = 0; i < names.Length; i++)
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

        error = null;
        return new CsvParser(columns);
    }

    /// <summary>How many fields every record has.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>Fills <paramref name="record"/> from one CSV row, or returns the reason it cannot.</summary>
    /// <param name="row">The row as Sep read it.</param>
    /// <param name="record">The record, valid until the next call.</param>
    /// <param name="strayQuote">
    /// Where in the row's text a quote breaks RFC 4180, or -1. Sep pairs that quote with a later one, so the row
    /// may run on past the line it is on: the caller resumes reading after that line.
    /// </param>
    public string? TryParse(SepReader.Row row, ref LogRecord record, out int strayQuote)
    {
        record = default;
        strayQuote = -1;
        for (var i = 0; i < row.ColCount; i++)
        {
            var raw = row[i].Span;
            var problem = CsvField.Check(raw, out var quoted, out var escaped, out var offending);
            if (problem != CsvFieldProblem.None)
            {
                if (offending >= 0 && row.Span.Overlaps(raw, out var start))
                {
                    strayQuote = start + offending;
                }

                return Describe(problem, i);
            }

            if (i >= _columns.Length)
            {
                continue;
            }

            switch (_columns[i])
            {
                case Column.Host:
                    record.Host = CsvField.ToUtf8(raw, quoted, escaped, _host);
                    break;
                case Column.Path:
                    record.Path = CsvField.ToUtf8(raw, quoted, escaped, _path);
                    break;
                case Column.Body:
                    // Only a body that may be MCP is needed; "jsonrpc" survives doubled quotes.
                    record.Body = raw.IndexOf("jsonrpc", StringComparison.Ordinal) >= 0 ? CsvField.ToUtf8(raw, quoted, escaped, _body) : default;
                    break;
                case Column.Time:
                    record.Time = CsvField.ToUtf8(raw, quoted, escaped, _time).Trim((byte)' ');
                    break;
                case Column.User:
                    record.User = CsvField.ToUtf8(raw, quoted, escaped, _user);
                    break;
            }
        }

        if (row.ColCount != _columns.Length)
        {
            return $"{row.ColCount} fields, but the header has {_columns.Length}";
        }

        return record.Host.Trim((byte)' ').IsEmpty ? "the host is empty" : null;
    }

    private static string Describe(CsvFieldProblem problem, int index) => problem switch
    {
        CsvFieldProblem.QuoteInUnquotedField => $"field {index + 1} has a quote but is not quoted",
        CsvFieldProblem.TextAfterClosingQuote => $"field {index + 1} has text after its closing quote",
        _ => "a quoted field is not closed",
    };
}
