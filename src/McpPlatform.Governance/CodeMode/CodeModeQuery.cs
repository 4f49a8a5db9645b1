namespace McpPlatform.Governance.CodeMode;

/// <summary>
/// How a client picks the Code Mode surface: the <c>codemode</c> query parameter of the MCP URL, and the
/// same values as the configured default (<see cref="CodeModeOptions.Default"/>).
/// </summary>
public static class CodeModeQuery
{
    /// <summary>The query parameter on the MCP URL.</summary>
    public const string Parameter = "codemode";

    /// <summary>The value that selects Code Mode.</summary>
    public const string SearchAndExecute = "search_and_execute";

    /// <summary>The value (as configured default) that selects the plain tool list.</summary>
    public const string Tools = "tools";

    /// <summary>
    /// True for Code Mode, false for the plain list, null for a value that is neither.
    /// Accepts <c>search_and_execute</c>/<c>true</c> and <c>tools</c>/<c>false</c>, any case.
    /// </summary>
    public static bool? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        SearchAndExecute or "true" => true,
        Tools or "false" => false,
        _ => null,
    };
}
