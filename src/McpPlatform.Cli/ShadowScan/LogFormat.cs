namespace McpPlatform.Cli.ShadowScan;

/// <summary>The log file formats the scanner reads.</summary>
public enum LogFormat
{
    /// <summary>JSON Lines: one JSON object a line (<c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c>).</summary>
    JsonLines,

    /// <summary>CSV with a header row, RFC 4180 quoting (<c>.csv</c>).</summary>
    Csv,
}

/// <summary>Names and file extensions of <see cref="LogFormat"/>.</summary>
public static class LogFormats
{
    /// <summary>The names <c>--format</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["jsonl", "csv"];

    /// <summary>The format named <paramref name="name"/> (<c>jsonl</c> or <c>csv</c>).</summary>
    public static LogFormat Parse(string name) => name.ToLowerInvariant() switch
    {
        "jsonl" or "ndjson" or "json" => LogFormat.JsonLines,
        "csv" => LogFormat.Csv,
        _ => throw new ArgumentException($"'{name}' is not a log format; use jsonl or csv.", nameof(name)),
    };

    /// <summary>The format a file's extension implies, or null when it implies none.</summary>
    public static LogFormat? FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" or ".json" => LogFormat.JsonLines,
        ".csv" => LogFormat.Csv,
        _ => null,
    };
}
