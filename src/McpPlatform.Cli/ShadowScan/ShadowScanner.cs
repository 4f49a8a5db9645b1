using System.Globalization;
using System.Text;

namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// Streams web-gateway or proxy logs and sums, per host, the requests that match a shadow-MCP
/// <see cref="DetectionLayers">detection layer</see>. Memory stays constant whatever the log size: one read
/// buffer, reusable scratch buffers, and one entry per host that received MCP traffic.
/// </summary>
/// <remarks>
/// Log formats (see <see cref="LogFormat"/>), one request a line:
/// <list type="bullet">
/// <item><description>JSON Lines: <c>{"time":"2025-06-01T09:00:00Z","host":"mcp.notion.com","path":"/mcp","method":"POST","user":"alice","body":"{\"jsonrpc\":\"2.0\",...}"}</c>.
/// <c>host</c> and <c>path</c> are required; <c>body</c> is optional and may be a string, a JSON object or array, or null;
/// <c>time</c> or <c>timestamp</c> (ISO 8601) and <c>user</c> or <c>client</c> are optional; other fields are ignored.</description></item>
/// <item><description>CSV: a header row naming at least <c>host</c>, <c>path</c> and <c>body</c> (optionally <c>time</c>/<c>timestamp</c>,
/// <c>user</c>/<c>client</c>; any order, any case), then one record a line with RFC 4180 quoting: a field holding commas, quotes or
/// line breaks is quoted, quotes inside doubled.</description></item>
/// </list>
/// Blank lines are skipped. A line that is not a record (invalid JSON, wrong field count, no host, a time that is
/// not ISO 8601 on a matching request) is counted as malformed and skipped. A file none of whose lines is a record
/// is rejected with <see cref="ScanInputException"/>, as is a CSV file without a usable header.
/// </remarks>
public sealed class ShadowScanner
{
    /// <summary>How many malformed lines are kept with their location; the rest are only counted.</summary>
    public const int MaxMalformedKept = 5;

    private readonly McpTrafficDetector _detector;
    private readonly Dictionary<string, HostActivity> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HostActivity>.AlternateLookup<ReadOnlySpan<char>> _hostLookup;
    private readonly List<MalformedLine> _malformed = [];
    private readonly HashSet<string> _portalUpstreamHosts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _portalClients = new(StringComparer.Ordinal);

    /// <summary>Creates a scanner that matches with <paramref name="detector"/>.</summary>
    public ShadowScanner(McpTrafficDetector detector)
    {
        _detector = detector;
        _hostLookup = _hosts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every host that received at least one matching request, in no particular order.</summary>
    public IReadOnlyCollection<HostActivity> Hosts => _hosts.Values;

    /// <summary>The first <see cref="MaxMalformedKept"/> malformed lines.</summary>
    public IReadOnlyList<MalformedLine> FirstMalformedLines => _malformed;

    /// <summary>Lines read, blank and malformed ones included.</summary>
    public long Lines { get; private set; }

    /// <summary>Requests read (CSV header excluded).</summary>
    public long Records { get; private set; }

    /// <summary>Requests that matched at least one layer.</summary>
    public long McpRequests { get; private set; }

    /// <summary>Malformed lines skipped.</summary>
    public long MalformedLines { get; private set; }

    /// <summary>Bytes read from every file scanned.</summary>
    public long BytesRead { get; private set; }

    /// <summary>MCP requests left out as the portal's own calls to its upstreams (<see cref="IgnorePortalRequests"/>).</summary>
    public long PortalRequests { get; private set; }

    /// <summary>
    /// Leaves out MCP requests that a portal makes to its upstreams: those to one of <paramref name="upstreamHosts"/>
    /// whose user or client is one of <paramref name="portalClients"/> (what the log records for the portal). Everyone
    /// else's requests to those hosts are counted: they bypass the portal.
    /// </summary>
    public void IgnorePortalRequests(IEnumerable<string> upstreamHosts, IEnumerable<string> portalClients)
    {
        _portalUpstreamHosts.UnionWith(upstreamHosts);
        _portalClients.UnionWith(portalClients.Select(c => c.Trim()));
    }

    /// <summary>Scans one log file, adding to the totals of earlier files.</summary>
    /// <param name="path">The log file.</param>
    /// <param name="format">Its format.</param>
    /// <param name="progress">Called with this file's bytes read so far, once per buffer.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    /// <exception cref="ScanInputException">The file is not a log in <paramref name="format"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public void ScanFile(string path, LogFormat format, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var before = (Records, MalformedLines, Kept: _malformed.Count);
        MalformedLine? firstMalformed = null;
        if (format == LogFormat.Csv)
        {
            ScanCsv(path, progress, ref firstMalformed, cancellationToken);
        }
        else
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
            var reader = new LineReader(stream, progress: progress);
            try
            {
                ScanJsonLines(path, reader, ref firstMalformed, cancellationToken);
            }
            finally
            {
                Lines += reader.LineNumber;
                BytesRead += reader.BytesRead;
            }
        }

        if (Records == before.Records && MalformedLines > before.MalformedLines && firstMalformed is not null)
        {
            // Nothing in the file parsed: the wrong format rather than a few bad lines.
            throw new ScanInputException(path, firstMalformed.Line,
                $"no line is a {(format == LogFormat.Csv ? "CSV" : "JSON Lines")} log record ({firstMalformed.Reason}); check the file or --format");
        }
    }

    private void ScanJsonLines(string path, LineReader reader, ref MalformedLine? firstMalformed, CancellationToken cancellationToken)
    {
        var parser = new JsonLinesParser();
        var record = default(LogRecord);
        while (reader.TryReadLine(out var line, out var tooLong))
        {
            if ((reader.LineNumber & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (tooLong)
            {
                Malformed(path, reader.LineNumber, $"longer than {LineReader.MaxLineBytes / (1024 * 1024)} MB", ref firstMalformed);
                continue;
            }

            if (IsBlank(line))
            {
                continue;
            }

            var error = parser.TryParse(line, ref record);
            if (error is null)
            {
                error = Process(ref record);
            }

            if (error is not null)
            {
                Malformed(path, reader.LineNumber, error, ref firstMalformed);
            }
        }
    }

    private void ScanCsv(string path, Action<long>? progress, ref MalformedLine? firstMalformed, CancellationToken cancellationToken)
    {
        using var rows = new CsvRowReader(path, progress);
        try
        {
            ScanCsvRows(path, rows, ref firstMalformed, cancellationToken);
        }
        finally
        {
            Lines += rows.LinesRead;
            BytesRead += rows.BytesRead;
        }
    }

    private void ScanCsvRows(string path, CsvRowReader rows, ref MalformedLine? firstMalformed, CancellationToken cancellationToken)
    {
        CsvParser? parser = null;
        var record = default(LogRecord);
        var count = 0L;
        while (true)
        {
            try
            {
                if (!rows.MoveNext())
                {
                    break;
                }
            }
            catch (CsvRowTooLongException e)
            {
                if (parser is null)
                {
                    throw new ScanInputException(path, e.Line, "the CSV header is longer than the longest line allowed");
                }

                Malformed(path, e.Line, $"longer than {CsvRowReader.MaxRowChars / (1024 * 1024)}M characters", ref firstMalformed);
                rows.RestartAtLine(e.Line + 1);
                continue;
            }

            if ((++count & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var row = rows.Current;
            if (row.ColCount == 1 && IsBlank(row[0].Span))
            {
                continue;
            }

            if (parser is null)
            {
                parser = CsvParser.FromHeader(row, out var headerError);
                if (parser is null)
                {
                    throw new ScanInputException(path, rows.LineFrom, headerError!);
                }

                continue;
            }

            var error = parser.TryParse(row, ref record, out var strayQuote);
            if (error is null)
            {
                error = Process(ref record);
            }

            if (error is not null)
            {
                Malformed(path, rows.LineFrom, error, ref firstMalformed);
                if (strayQuote >= 0)
                {
                    // Sep paired the stray quote with a later one and read on past this record's line: resume after it.
                    var resume = rows.LineFrom + CsvField.CountLineBreaks(row.Span[..strayQuote]) + 1;
                    if (resume < rows.LineToExclusive)
                    {
                        rows.RestartAtLine(resume);
                    }
                }
            }
        }

        if (parser is null)
        {
            throw new ScanInputException(path, 0, "the file is empty; a CSV log starts with a header row naming host, path and body");
        }
    }

    /// <summary>Runs the layers on one record and sums a match into its host. Returns why the record is malformed, or null.</summary>
    private string? Process(ref LogRecord record)
    {
        Span<char> hostBuffer = stackalloc char[HostName.MaxLength];
        var hostLength = HostName.Normalize(record.Host, hostBuffer);
        if (hostLength < 0)
        {
            return "the host is not a host name";
        }

        var host = hostBuffer[..hostLength];
        var layers = _detector.Detect(host, record.Path, record.Body);
        if (layers == DetectionLayers.None)
        {
            Records++;
            return null;
        }

        DateTimeOffset? time = null;
        if (!record.Time.IsEmpty)
        {
            if (!TryParseTime(record.Time, out var parsed))
            {
                return $"the time '{Encoding.UTF8.GetString(record.Time[..Math.Min(record.Time.Length, 40)])}' is not an ISO 8601 date and time";
            }

            time = parsed;
        }

        Records++;
        if (_portalClients.Count > 0 && IsPortalRequest(host, record.User))
        {
            PortalRequests++;
            return null;
        }

        McpRequests++;
        if (!_hostLookup.TryGetValue(host, out var activity))
        {
            activity = new HostActivity(new string(host));
            _hosts.Add(activity.Host, activity);
        }

        activity.Requests++;
        activity.Layers |= layers;
        activity.See(time);
        if (!record.User.IsEmpty && activity.UserCount < HostActivity.MaxUsers && record.User.Length <= 256)
        {
            Span<char> user = stackalloc char[256];
            var userLength = Encoding.UTF8.GetChars(record.User, user);
            activity.UserLookup.Add(user[..userLength].Trim());
        }

        return null;
    }

    private bool IsPortalRequest(ReadOnlySpan<char> host, ReadOnlySpan<byte> user)
    {
        if (user.IsEmpty || user.Length > 256 || !_portalUpstreamHosts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(host))
        {
            return false;
        }

        Span<char> chars = stackalloc char[256];
        var length = Encoding.UTF8.GetChars(user, chars);
        return _portalClients.GetAlternateLookup<ReadOnlySpan<char>>().Contains(chars[..length].Trim());
    }

    private static bool TryParseTime(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length > 64)
        {
            return false;
        }

        Span<char> chars = stackalloc char[64];
        var length = Encoding.UTF8.GetChars(text, chars);
        return DateTimeOffset.TryParse(chars[..length], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0;

    private static bool IsBlank(ReadOnlySpan<char> line) => line.IndexOfAnyExcept(' ', '\t') < 0;

    private void Malformed(string path, long line, string reason, ref MalformedLine? firstInFile)
    {
        MalformedLines++;
        if (firstInFile is null || _malformed.Count < MaxMalformedKept)
        {
            var malformed = new MalformedLine(path, line, reason);
            firstInFile ??= malformed;
            if (_malformed.Count < MaxMalformedKept)
            {
                _malformed.Add(malformed);
            }
        }
    }
}
