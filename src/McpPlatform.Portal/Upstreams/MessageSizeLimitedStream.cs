namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// Reads an upstream's stream (stdio stdout, an HTTP response, SSE) and fails once one line, that is one JSON-RPC
/// message (both transports put each message on one line), grows beyond <c>limit</c> bytes. The SDK buffers a whole
/// message before the portal sees it, so without this an upstream could make the portal hold any amount of memory
/// before <see cref="Configuration.UpstreamOptions.MaxResultBytes"/> is checked.
/// </summary>
internal sealed class MessageSizeLimitedStream(Stream inner, long limit, Action exceeded) : Stream
{
    private long _lineLength;

    /// <summary>The limit for an upstream: generous over MaxResultBytes, since JSON escaping can grow a result several times.</summary>
    public static long LimitFor(long maxResultBytes) =>
        Math.Max(maxResultBytes, 1) > long.MaxValue / 8 ? long.MaxValue : Math.Max(maxResultBytes * 4, maxResultBytes + (1 << 20));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(buffer[..inner.Read(buffer)]);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Count(buffer.Span[..read]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(ReadOnlySpan<byte> read)
    {
        var rest = read;
        while (true)
        {
            var newline = rest.IndexOf((byte)'\n');
            _lineLength += newline < 0 ? rest.Length : newline;
            if (_lineLength > limit)
            {
                exceeded();
                throw new IOException($"The upstream sent a message of more than {limit} bytes.");
            }

            if (newline < 0)
            {
                return read.Length;
            }

            _lineLength = 0;
            rest = rest[(newline + 1)..];
        }
    }
}
