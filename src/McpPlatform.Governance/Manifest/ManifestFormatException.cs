namespace McpPlatform.Governance.Manifest;

/// <summary>
/// A manifest or approved-manifest file that is not valid JSON or not in format version 1. The message names
/// the file, the line and the field, e.g. <c>mcp-manifest.json line 12: tools[3].access: expected read, write or destructive</c>.
/// </summary>
public class ManifestFormatException : Exception
{
    /// <summary>Creates the exception; the message is built from the parts.</summary>
    public ManifestFormatException(string sourceName, int line, string? fieldPath, string problem, Exception? innerException = null)
        : base(Format(sourceName, line, fieldPath, problem), innerException)
    {
        SourceName = sourceName;
        Line = line;
        FieldPath = fieldPath is null ? null : DisplayText.Escape(fieldPath);
        Problem = DisplayText.Escape(problem);
    }

    /// <summary>The file (or other source) the manifest came from, as given to the reader.</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>The field's path (<c>tools[3].access</c>), or null for a problem with the JSON text itself. Hidden characters are escaped.</summary>
    public string? FieldPath { get; }

    /// <summary>What is wrong, without the file, line and field.</summary>
    public string Problem { get; }

    // Member names and values come from the file: escape control and invisible characters before they reach a terminal.
    private static string Format(string sourceName, int line, string? fieldPath, string problem) => DisplayText.Escape(
        fieldPath is null or "" ? $"{sourceName} line {line}: {problem}" : $"{sourceName} line {line}: {fieldPath}: {problem}");
}

/// <summary>
/// A manifest whose content does not match its hash (or an approval whose hash does not match the manifest it
/// carries): the file was edited after it was generated or approved.
/// </summary>
public sealed class ManifestTamperedException : ManifestFormatException
{
    /// <summary>Creates the exception; the message is built from the parts.</summary>
    public ManifestTamperedException(string sourceName, int line, string? fieldPath, string problem)
        : base(sourceName, line, fieldPath, problem)
    {
    }
}
