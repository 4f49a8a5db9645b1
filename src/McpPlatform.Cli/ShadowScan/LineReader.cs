namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// Reads a stream as lines of UTF-8 bytes with one reusable buffer: constant memory whatever the file size, and
/// no allocation per line. A returned line is valid until the next read. Lines end at <c>\n</c>; a trailing
/// <c>\r</c> and a UTF-8 byte order mark at the start are dropped. A line longer than
/// <see cref="MaxLineBytes"/> is skipped and reported as too long.
/// </summary>
internal sealed class LineReader
{
    /// <summary>The longest line kept; longer ones are skipped (the buffer never grows past twice this).</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly Action<long>? _progress;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _atStart = true;

    public LineReader(Stream stream, int bufferSize = 1024 * 1024, Action<long>? progress = null)
    {
        _stream = stream;
        _progress = progress;
        _buffer = new byte[bufferSize];
    }

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes read from the stream so far (ahead of the lines returned by at most one buffer).</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// Reads the next line. Returns false at the end of the stream. <paramref name="tooLong"/> is true (and
    /// <paramref name="line"/> empty) for a line over <see cref="MaxLineBytes"/>.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        tooLong = false;
        var skipping = false;
        var scanned = 0;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending[scanned..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                newline += scanned;
                line = skipping ? default : pending[..newline];
                _start += newline + 1;
                return Return(ref line, skipping, out tooLong);
            }

            if (_endOfStream)
            {
                if (pending.IsEmpty && !skipping)
                {
                    line = default;
                    return false;
                }

                line = skipping ? default : pending;
                _start = _end;
                return Return(ref line, skipping, out tooLong);
            }

            if (pending.Length >= MaxLineBytes)
            {
                // Drop what we have of the over-long line and keep looking for its end.
                skipping = true;
                _start = _end;
                pending = default;
            }

            scanned = pending.Length;
            Fill();
        }
    }

    private bool Return(ref ReadOnlySpan<byte> line, bool skipped, out bool tooLong)
    {
        LineNumber++;
        tooLong = skipped;
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (_atStart)
        {
            _atStart = false;
            if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                line = line[3..];
            }
        }

        return true;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, 2 * MaxLineBytes));
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }
        else
        {
            _end += read;
            BytesRead += read;
            _progress?.Invoke(BytesRead);
        }
    }
}
