using McpPlatform.Governance.Tools;

namespace McpPlatform.Hosting.Tools;

/// <summary>
/// A caller sent an argument the tool cannot accept. The message names the argument and
/// the expected type, and never echoes the value (it may be sensitive).
/// </summary>
public sealed class ToolArgumentException : Exception
{
    /// <summary>Creates the exception for an argument path such as <c>filter.status</c>.</summary>
    public ToolArgumentException(string argumentPath, string message)
        : base(message) => ArgumentPath = argumentPath;

    /// <summary>The argument path, e.g. <c>items[2].name</c>.</summary>
    public string ArgumentPath { get; }
}
