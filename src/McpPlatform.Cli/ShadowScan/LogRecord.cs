namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// One request from a log line, as spans over the line (or over scratch buffers the parser owns): valid only
/// until the parser reads the next line. Text fields are UTF-8 with JSON or CSV escaping already removed,
/// except that <see cref="Body"/> is left escaped when it cannot be MCP (it does not contain <c>jsonrpc</c>).
/// </summary>
internal ref struct LogRecord
{
    public ReadOnlySpan<byte> Host;
    public ReadOnlySpan<byte> Path;
    public ReadOnlySpan<byte> Body;

    /// <summary>The ISO 8601 time, or empty when the line has none.</summary>
    public ReadOnlySpan<byte> Time;

    /// <summary>The user or client, or empty when the line has none.</summary>
    public ReadOnlySpan<byte> User;
}

/// <summary>Reusable byte buffers a parser unescapes fields into.</summary>
internal sealed class ScratchBuffer
{
    private byte[] _bytes = new byte[256];

    /// <summary>A buffer of at least <paramref name="length"/> bytes; its content is not kept.</summary>
    public Span<byte> Get(int length)
    {
        if (_bytes.Length < length)
        {
            _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
        }

        return _bytes;
    }
}
