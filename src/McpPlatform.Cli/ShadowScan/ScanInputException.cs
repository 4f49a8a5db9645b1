namespace McpPlatform.Cli.ShadowScan;

/// <summary>A log, allow-list or known-hosts file that cannot be used as given: the message names the file and line.</summary>
public sealed class ScanInputException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/> at <paramref name="line"/> (0 when no line applies).</summary>
    public ScanInputException(string file, long line, string message)
        : base(line > 0 ? $"{file}:{line}: {message}" : $"{file}: {message}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>The 1-based line at fault, or 0 for the file as a whole.</summary>
    public long Line { get; }
}
