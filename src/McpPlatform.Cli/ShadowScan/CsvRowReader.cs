using System.Text;
using nietras.SeparatedValues;

namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// Reads a CSV file as rows with Sep (comma separator, quotes and line breaks in quoted fields kept exactly),
/// numbering each row by the file lines it spans. Sep pairs quotes wherever they are, so one stray quote in an
/// unquoted field would swallow every record up to the next quote; <see cref="RestartAtLine"/> lets the caller
/// resume at the line after such a record instead, which is how a malformed record stays one skipped record.
/// </summary>
internal sealed class CsvRowReader : IDisposable
{
    /// <summary>The longest row Sep reads, in characters; a longer one ends the reading of the file.</summary>
    public const int MaxRowChars = 1 << 24;

    private const int StreamBufferBytes = 1 << 20;

    private readonly string _path;
    private readonly Action<long>? _progress;
    private ProgressStream? _stream;
    private SepReader? _reader;
    private long _startOffset;   // byte offset in the file the current Sep reader started at
    private int _lineOffset;     // lines before that offset
    private int _nextLine = 1;   // the first line of the next row (Sep's own first-row LineNumberFrom is not reliable)

    public CsvRowReader(string path, Action<long>? progress)
    {
        _path = path;
        _progress = progress;
        Open(0, 0);
    }

    /// <summary>The current row: valid until the next <see cref="MoveNext"/> or <see cref="RestartAtLine"/>.</summary>
    public SepReader.Row Current => _reader!.Current;

    /// <summary>The 1-based first line of the current row.</summary>
    public int LineFrom { get; private set; }

    /// <summary>The line after the current row's last line.</summary>
    public int LineToExclusive { get; private set; }

    /// <summary>Lines read so far: up to the end of the last row.</summary>
    public long LinesRead => _nextLine - 1;

    /// <summary>The furthest byte of the file read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Moves to the next row; false at the end of the file.</summary>
    /// <exception cref="CsvRowTooLongException">The row is longer than <see cref="MaxRowChars"/>.</exception>
    public bool MoveNext()
    {
        try
        {
            if (!_reader!.MoveNext())
            {
                return false;
            }
        }
        catch (NotSupportedException e) when (e.Message.Contains("maximum supported length", StringComparison.Ordinal))
        {
            throw new CsvRowTooLongException(_nextLine);
        }

        LineFrom = _nextLine;
        LineToExclusive = Math.Max(_reader.Current.LineNumberToExcl + _lineOffset, LineFrom + 1);
        _nextLine = LineToExclusive;
        return true;
    }

    /// <summary>Reads on from the start of <paramref name="line"/> (1-based), dropping what Sep had read past it.</summary>
    public void RestartAtLine(int line)
    {
        var offset = OffsetOfLine(line);
        Open(offset, line - 1);
        _nextLine = line;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _stream?.Dispose();
    }

    private void Open(long offset, int linesBefore)
    {
        _reader?.Dispose();
        _stream?.Dispose();
        var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        file.Position = offset;
        _stream = new ProgressStream(file, offset, read =>
        {
            if (read > BytesRead)
            {
                BytesRead = read;
                _progress?.Invoke(read);
            }
        });
        _startOffset = offset;
        _lineOffset = linesBefore;

        // UTF-8, its byte order mark dropped; a header row is read by the caller so blank lines before it are allowed.
        var text = new StreamReader(_stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: StreamBufferBytes);
        _reader = Sep.Reader(o => o with
        {
            Sep = new Sep(','),
            HasHeader = false,
            DisableColCountCheck = true,
        }).From(text);
    }

    /// <summary>The byte offset where <paramref name="line"/> starts, counting line breaks (CRLF, LF or CR, as Sep does) from the current reader's start.</summary>
    private long OffsetOfLine(int line)
    {
        var toSkip = line - 1 - _lineOffset;
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        file.Position = _startOffset;
        var buffer = new byte[StreamBufferBytes];
        var position = _startOffset;
        var afterCr = false;
        while (toSkip > 0)
        {
            var read = file.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                return position;
            }

            var span = buffer.AsSpan(0, read);
            var i = 0;
            if (afterCr && span[0] == (byte)'\n')
            {
                i = 1; // the LF of a CRLF split across reads
            }

            afterCr = false;
            while (toSkip > 0)
            {
                var next = span[i..].IndexOfAny((byte)'\r', (byte)'\n');
                if (next < 0)
                {
                    break;
                }

                i += next + 1;
                if (span[i - 1] == (byte)'\r')
                {
                    if (i == span.Length)
                    {
                        afterCr = true;
                    }
                    else if (span[i] == (byte)'\n')
                    {
                        i++;
                    }
                }

                toSkip--;
            }

            if (toSkip == 0)
            {
                if (afterCr)
                {
                    // The line starts after the CRLF's LF when the next read begins with one.
                    var peek = new byte[1];
                    if (file.Read(peek, 0, 1) == 1 && peek[0] == (byte)'\n')
                    {
                        return position + read + 1;
                    }
                }

                return position + i;
            }

            position += read;
        }

        return position;
    }
}

/// <summary>A CSV row longer than <see cref="CsvRowReader.MaxRowChars"/>: usually a quote that is never closed.</summary>
internal sealed class CsvRowTooLongException(int line) : Exception($"a record from line {line} is longer than {CsvRowReader.MaxRowChars / (1024 * 1024)}M characters")
{
    /// <summary>The 1-based first line of the row.</summary>
    public int Line { get; } = line;
}
