using Microsoft.Build.Utilities;

namespace McpPlatform.Build;

/// <summary>Errors with a code and a file, as MSBuild shows them (<c>file : error MCPB101: message</c>).</summary>
internal static class BuildErrors
{
    public static void Error(this TaskLoggingHelper log, string code, string? file, string message) =>
        log.LogError(subcategory: null, errorCode: code, helpKeyword: null, file: file, lineNumber: 0, columnNumber: 0, endLineNumber: 0, endColumnNumber: 0, message: message);
}
