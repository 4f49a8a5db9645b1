namespace McpPlatform.Governance.Tools;

/// <summary>Where one argument of an inverse tool is taken from when a call is rolled back.</summary>
public enum ToolRevertSource
{
    /// <summary>The original call's argument of the same name.</summary>
    Argument,

    /// <summary>The top-level property of the same name of the original call's result.</summary>
    Result,
}

/// <summary>One argument of the inverse and where it comes from.</summary>
/// <param name="Name">The inverse tool's argument name.</param>
/// <param name="Source">The original call's argument or result.</param>
public sealed record ToolRevertArgument(string Name, ToolRevertSource Source);

/// <summary>
/// A tool's declared inverse (<c>[McpTool(Revert = nameof(DeleteIssue))]</c>), checked by the source generator:
/// the inverse tool and how each of its arguments is filled from a call of this tool (docs/rollback.md).
/// </summary>
/// <param name="Tool">The MCP name of the inverse tool.</param>
/// <param name="Arguments">The inverse's arguments that are filled, each with its source; optional arguments found nowhere are absent.</param>
public sealed record ToolRevert(string Tool, IReadOnlyList<ToolRevertArgument> Arguments);
