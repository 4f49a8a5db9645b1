namespace McpPlatform.Governance.Approval;

/// <summary>What the user is asked to confirm: one call, as shown.</summary>
/// <param name="Caller">Who calls (and is asked).</param>
/// <param name="Tool">The tool's name.</param>
/// <param name="Access">The tool's effective access class.</param>
/// <param name="Rule">The approval rule that requires the question.</param>
/// <param name="Message">The question as the user reads it: the tool, its access class and a summary of the arguments.</param>
/// <param name="ArgumentsSha256">The hash of the arguments shown (<c>sha256:</c> + hex of their canonical JSON), recorded with an approval.</param>
/// <param name="Timeout">How long the user has to answer.</param>
public sealed record ApprovalRequest(
    CallerIdentity Caller,
    string Tool,
    ToolAccess Access,
    string Rule,
    string Message,
    string ArgumentsSha256,
    TimeSpan Timeout);
