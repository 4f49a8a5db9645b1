using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// <see cref="AuditChain"/>'s keyed hash (HMAC-SHA256) for the audit writer, which hashes every record: the same RFC 8785
/// canonical form (<see cref="AuditCanonicalForm"/>), written into a buffer reused from record to record. A record whose
/// strings are ASCII and whose integers are within 2^53 (the usual case, arguments' quotes included) is written byte for
/// byte as <see cref="AuditCanonicalForm"/> would write it, escapes taken from a table filled by the shared RFC 8785
/// string writer; any other goes through <see cref="AuditChain.CanonicalBytes"/>. Not thread-safe; one per writer.
/// </summary>
internal sealed class AuditHasher : IDisposable
{
    /// <summary>How the RFC 8785 string writer writes each ASCII character inside a string (asked once, so the two cannot disagree).</summary>
    private static readonly byte[][] AsciiEscapes = CanonicalAsciiEscapes();

    /// <summary>The characters RFC 8785 copies unescaped: printable ASCII except <c>"</c> and <c>\</c>.</summary>
    private static readonly SearchValues<char> Verbatim = SearchValues.Create(
        [.. Enumerable.Range(0, AsciiEscapes.Length).Where(c => AsciiEscapes[c] is [var only] && only == c).Select(c => (char)c)]);

    private readonly IncrementalHash _hmac; // one HMAC context, keyed once, reset per record
    private byte[] _verbatim = new byte[2048];

    // Per field, the string instance of the previous record, and the bytes of one seen twice in a row: most
    // fields (server, chain, method, tool, caller...) hold the same instance record after record, so its bytes
    // are copied instead of checked again; fields that change every time (ids, time, hashes) cost nothing extra.
    private string?[] _previous = new string?[32];
    private (string Text, byte[] Bytes)?[] _repeated = new (string, byte[])?[32];

    public AuditHasher(AuditChainKey key)
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.RecordKey);
    }

    public void Dispose() => _hmac.Dispose();

    /// <summary>The hash of a record's values, given in <see cref="AuditFields.Hashed"/> order.</summary>
    public string Hash(ReadOnlySpan<object?> values)
    {
        var schema = values.IsEmpty ? null : values[0] as string;
        if (!AuditFields.IsEarlierForm(schema) && TryWriteVerbatim(values, out var length))
        {
            return HashOf(_verbatim.AsSpan(0, length));
        }

        return HashOf(AuditChain.CanonicalBytes(schema, values.ToArray()));
    }

    /// <summary>The lower-case hex HMAC-SHA256 (as <see cref="AuditChain"/> computes it), reusing one keyed context.</summary>
    private string HashOf(ReadOnlySpan<byte> canonical)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        _hmac.AppendData(canonical);
        _hmac.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Writes the canonical form directly when every value is null, a long within 2^53, or an ASCII string.</summary>
    private bool TryWriteVerbatim(ReadOnlySpan<object?> values, out int length)
    {
        length = 0;
        if (values.Length > _previous.Length)
        {
            Array.Resize(ref _previous, values.Length);
            Array.Resize(ref _repeated, values.Length);
        }

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
                case long number when number is >= -9007199254740992 and <= 9007199254740992:
                    Room(at, 20);
                    number.TryFormat(_verbatim.AsSpan(at), out var digits, default, CultureInfo.InvariantCulture);
                    at += digits;
                    break;
                case string text when _repeated[i] is { } repeated && ReferenceEquals(repeated.Text, text):
                    Room(at, repeated.Bytes.Length);
                    repeated.Bytes.CopyTo(_verbatim, at);
                    at += repeated.Bytes.Length;
                    break;
                case string text when Ascii.IsValid(text):
                    var start = at;
                    Append((byte)'"', ref at);
                    WriteAscii(text, ref at);
                    Append((byte)'"', ref at);
                    if (ReferenceEquals(_previous[i], text))
                    {
                        _repeated[i] = (text, _verbatim.AsSpan(start, at - start).ToArray());
                    }

                    _previous[i] = text;
                    break;
                default:
                    return false; // non-ASCII, surrogates, huge integers, other types: the canonical writer decides
            }
        }

        Append((byte)']', ref at);
        length = at;
        return true;
    }

    /// <summary>Copies runs of <see cref="Verbatim"/> characters as they are and writes each other character's escape.</summary>
    private void WriteAscii(ReadOnlySpan<char> text, ref int at)
    {
        while (!text.IsEmpty)
        {
            var run = text.IndexOfAnyExcept(Verbatim);
            if (run < 0)
            {
                run = text.Length;
            }

            Room(at, run);
            Ascii.FromUtf16(text[..run], _verbatim.AsSpan(at), out var copied);
            at += copied;
            if (run == text.Length)
            {
                return;
            }

            var escape = AsciiEscapes[text[run]];
            Room(at, escape.Length);
            escape.CopyTo(_verbatim, at);
            at += escape.Length;
            text = text[(run + 1)..];
        }
    }

    private static byte[][] CanonicalAsciiEscapes()
    {
        var escapes = new byte[128][];
        var text = new StringBuilder(8);
        for (var c = 0; c < escapes.Length; c++)
        {
            text.Clear();
            JsonCanonicalization.AppendString(text, ((char)c).ToString());
            escapes[c] = Encoding.ASCII.GetBytes(text.ToString(1, text.Length - 2)); // without the quotes
        }

        return escapes;
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
