namespace McpPlatform.Cli.ShadowScan;

/// <summary>A log line the scanner skipped, and why.</summary>
/// <param name="File">The log file as given.</param>
/// <param name="Line">The 1-based line number (the first line of a multi-line CSV record).</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record MalformedLine(string File, long Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
