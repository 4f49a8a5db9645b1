using System.Text;
using Serilog.Sinks.File;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// Lets the audit writer hand the records it emits back to back to the operating system in one
/// write instead of one per record: the embedded file sink flushes after every record, and the
/// stream this hook puts under it holds those flushes back until the writer calls
/// <see cref="Flush"/>, which it does before it reports any of those records written.
/// </summary>
internal sealed class AuditFileBatching : FileLifecycleHooks
{
    private const int BufferSize = 64 * 1024;

    private HeldFlushStream? _current;

    private string? _currentFileName;

    /// <summary>The name (no folder) of the file the sink writes now, for checkpoints.</summary>
    public string? CurrentFileName => Volatile.Read(ref _currentFileName);

    public override Stream OnFileOpened(string path, Stream underlyingStream, Encoding encoding)
    {
        Volatile.Write(ref _currentFileName, Path.GetFileName(path));
        var stream = new HeldFlushStream(underlyingStream);
        Volatile.Write(ref _current, stream);
        return stream;
    }

    /// <summary>Writes everything emitted so far to the current file; throws when the file cannot be written.</summary>
    public void Flush() => Volatile.Read(ref _current)?.FlushHeld();

    /// <summary>A write-only stream whose <see cref="Flush"/> waits for <see cref="FlushHeld"/>; disposing it writes what it holds.</summary>
    private sealed class HeldFlushStream(Stream file) : Stream
    {
        private readonly BufferedStream _buffer = new(file, BufferSize);
        private bool _disposed;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => !_disposed;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public void FlushHeld()
        {
            if (!_disposed)
            {
                _buffer.Flush();
            }
        }

        // The sink's per-record flush: held until the writer flushes the batch.
        public override void Flush()
        {
        }

        public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _buffer.Write(buffer);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                _buffer.Dispose(); // writes what it holds, then closes the file
            }

            base.Dispose(disposing);
        }
    }
}
