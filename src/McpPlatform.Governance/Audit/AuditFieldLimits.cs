using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// How long an audited string may be. Most fields come from the client (the JSON-RPC id, the method,
/// argument values) or from its token (subject, client id), so without a cap one request could write
/// megabytes to the audit file. A value over its cap is kept as its first characters, followed by
/// <see cref="CutMarker"/> with its original length and the SHA-256 of the whole value, all within the
/// cap, so the record still identifies the value (and says it was cut) without holding it.
/// </summary>
internal sealed class AuditFieldLimits(int maxFieldChars, int maxArgumentsChars)
{
    /// <summary>What follows the kept prefix of a cut value: <c>…[cut: 5242880 chars, sha256:&lt;64 hex&gt;]</c>.</summary>
    public const string CutMarker = "…[cut: ";

    /// <summary>The defaults of <see cref="AuditOptions"/>.</summary>
    public static AuditFieldLimits Default { get; } = new(AuditOptions.DefaultMaxFieldChars, AuditOptions.DefaultMaxArgumentsChars);

    /// <summary>The most characters of any one field, and of any one argument value.</summary>
    public int MaxFieldChars { get; } = maxFieldChars;

    /// <summary>The most characters of the whole <see cref="AuditRecord.Arguments"/> JSON.</summary>
    public int MaxArgumentsChars { get; } = maxArgumentsChars;

    /// <summary>The value as it may be audited: itself when short enough (the common case costs one length check).</summary>
    public string? Field(string? value) => value is null || value.Length <= MaxFieldChars ? value : Cut(value, MaxFieldChars);

    /// <summary>The arguments JSON as it may be audited.</summary>
    public string? Arguments(string? value) => value is null || value.Length <= MaxArgumentsChars ? value : Cut(value, MaxArgumentsChars);

    /// <summary>
    /// <paramref name="value"/> cut to at most <paramref name="maxChars"/> characters: as many of its first
    /// characters as fit (one fewer rather than half a surrogate pair), then the marker with the value's
    /// length in UTF-16 characters and the lower-case hex SHA-256 of its UTF-8 bytes. The result is never
    /// longer than <paramref name="maxChars"/>, so cutting again (the writer re-checks every field) keeps it as it is.
    /// </summary>
    public static string Cut(string value, int maxChars)
    {
        var marker = CutMarker + value.Length.ToString(CultureInfo.InvariantCulture) + " chars, sha256:" + Sha256Hex(value) + "]";
        var keep = Math.Max(0, maxChars - marker.Length);
        if (keep > 0 && char.IsHighSurrogate(value[keep - 1]))
        {
            keep--;
        }

        return string.Concat(value.AsSpan(0, keep), marker);
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="value"/> (a lone surrogate counts as U+FFFD).</summary>
    public static string Sha256Hex(string value)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(value));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
