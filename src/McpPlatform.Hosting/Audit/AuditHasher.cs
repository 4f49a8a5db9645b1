using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace McpPlatform.Hosting.Audit;

/// <summary>
/// <see cref="AuditChain"/>'s hash for the audit writer, which hashes every record: the same canonical
/// form, written into buffers reused from record to record. A record whose strings need no escaping
/// (the usual case) is written byte for byte as the canonical JSON writer would write it; any other
/// goes through that writer. Not thread-safe; one per writer.
/// </summary>
internal sealed class AuditHasher
{
    /// <summary>
    /// The characters the canonical writer copies unescaped: printable ASCII except <c>"</c>, <c>\</c> and
    /// the HTML-sensitive <c>&amp;</c>, <c>'</c>, <c>+</c>, <c>&lt;</c>, <c>&gt;</c>, <c>`</c> (see <see cref="AuditChain"/>).
    /// </summary>
    private static readonly SearchValues<char> Verbatim = SearchValues.Create(
        " !#$%()*,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly Utf8JsonWriter _writer;
    private byte[] _verbatim = new byte[2048];

    public AuditHasher() => _writer = new Utf8JsonWriter(_buffer, AuditChain.CanonicalWriterOptions);

    /// <summary>The hash of a record's values, given in <see cref="AuditFields.Hashed"/> order.</summary>
    public string Hash(ReadOnlySpan<object?> values)
    {
        if (TryWriteVerbatim(values, out var length))
        {
            return AuditChain.HashOf(_verbatim.AsSpan(0, length));
        }

        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        AuditChain.WriteCanonical(_writer, values);
        _writer.Flush();
        return AuditChain.HashOf(_buffer.WrittenSpan);
    }

    /// <summary>Writes the canonical form directly when every value is null, a long, or a string of <see cref="Verbatim"/> characters.</summary>
    private bool TryWriteVerbatim(ReadOnlySpan<object?> values, out int length)
    {
        length = 0;
        var at = 0;
        Append((byte)'[', ref at);
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                Append((byte)',', ref at);
            }

            switch (values[i])
            {
                case null:
                    Room(at, 4);
                    "null"u8.CopyTo(_verbatim.AsSpan(at));
                    at += 4;
                    break;
                case long number:
                    Room(at, 20);
                    number.TryFormat(_verbatim.AsSpan(at), out var digits, default, CultureInfo.InvariantCulture);
                    at += digits;
                    break;
                case string text when !text.AsSpan().ContainsAnyExcept(Verbatim):
                    Room(at, text.Length + 2);
                    _verbatim[at++] = (byte)'"';
                    Ascii.FromUtf16(text, _verbatim.AsSpan(at), out var copied);
                    at += copied;
                    _verbatim[at++] = (byte)'"';
                    break;
                default:
                    return false; // escaping, surrogates, other types: the canonical writer decides
            }
        }

        Append((byte)']', ref at);
        length = at;
        return true;
    }

    private void Append(byte value, ref int at)
    {
        Room(at, 1);
        _verbatim[at++] = value;
    }

    private void Room(int at, int needed)
    {
        if (at + needed > _verbatim.Length)
        {
            Array.Resize(ref _verbatim, Math.Max(_verbatim.Length * 2, at + needed));
        }
    }
}
