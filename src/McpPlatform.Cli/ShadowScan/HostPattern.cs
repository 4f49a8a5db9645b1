namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// One host name or wildcard from an allow-list or known-hosts list: <c>mcp.example.com</c> matches that
/// host only; <c>*.corp.example.com</c> matches every host below <c>corp.example.com</c> (not the domain itself).
/// </summary>
internal readonly record struct HostPattern(string Host, bool IsWildcard)
{
    /// <summary>For a wildcard, the suffix a matching host ends with: <c>.corp.example.com</c>.</summary>
    public string Suffix => IsWildcard ? "." + Host : Host;

    /// <summary>Parses a list entry, or explains why it is not one.</summary>
    public static bool TryParse(string text, out HostPattern pattern, out string error)
    {
        pattern = default;
        error = string.Empty;
        var wildcard = text.StartsWith("*.", StringComparison.Ordinal);
        var name = wildcard ? text[2..] : text;
        if (name.Length == 0 || name.Length > HostName.MaxLength
            || name.AsSpan().IndexOfAny("/*?#@ \t\\\"'") >= 0 || name.Contains("://", StringComparison.Ordinal))
        {
            error = $"'{text}' is not a host name; write the host alone, e.g. mcp.example.com, or a wildcard, e.g. *.corp.example.com";
            return false;
        }

        var normalized = HostName.Normalize(name);
        if (normalized is null)
        {
            error = $"'{text}' is not a host name";
            return false;
        }

        pattern = new HostPattern(normalized, wildcard);
        return true;
    }

    /// <summary>Whether the normalized <paramref name="host"/> matches.</summary>
    public bool Matches(ReadOnlySpan<char> host) =>
        IsWildcard ? host.Length > Host.Length + 1 && host.EndsWith(Suffix, StringComparison.Ordinal) : host.SequenceEqual(Host);

    /// <inheritdoc />
    public override string ToString() => IsWildcard ? "*." + Host : Host;
}
