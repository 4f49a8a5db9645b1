namespace McpPlatform.Cli.ShadowScan;

/// <summary>Host names as logs write them, reduced to the form the scanner compares and reports.</summary>
internal static class HostName
{
    /// <summary>Host names longer than this are not real DNS names (253 characters at most).</summary>
    public const int MaxLength = 255;

    /// <summary>
    /// Writes the normalized form of <paramref name="host"/> (ASCII lower case, no <c>:port</c>, no trailing dot)
    /// into <paramref name="destination"/> and returns its length, or -1 when the host is empty or too long.
    /// <c>[v6]:port</c> keeps the brackets.
    /// </summary>
    public static int Normalize(ReadOnlySpan<byte> host, Span<char> destination)
    {
        host = host.Trim((byte)' ');
        if (host.IsEmpty || host.Length > destination.Length)
        {
            return -1;
        }

        int length;
        try
        {
            length = System.Text.Encoding.UTF8.GetChars(host, destination);
        }
        catch (ArgumentException)
        {
            return -1;
        }

        var chars = destination[..length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        if (chars[0] == '[')
        {
            var close = chars.IndexOf(']');
            length = close < 0 ? length : close + 1;
        }
        else
        {
            var colon = chars.IndexOf(':');
            if (colon >= 0 && chars[(colon + 1)..].IndexOf(':') < 0)
            {
                length = colon;
            }
        }

        while (length > 0 && destination[length - 1] == '.')
        {
            length--;
        }

        return length == 0 ? -1 : length;
    }

    /// <summary>The normalized form of <paramref name="host"/>, or null when it is empty or too long.</summary>
    public static string? Normalize(string host)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var bytes = System.Text.Encoding.UTF8.GetBytes(host);
        var length = Normalize(bytes, buffer);
        return length < 0 ? null : new string(buffer[..length]);
    }
}
