namespace McpPlatform.Governance.Approval;

/// <summary>
/// Asks the user to confirm one call, in whatever way the caller's connection allows (the MCP host implements it with
/// elicitation). The gate asks it only for calls <see cref="ApprovalPolicy"/> says need approval, after policy and the
/// data rules allowed them, and never runs the tool unless the answer is <see cref="ApprovalVerdict.Approved"/>.
/// </summary>
public interface IApprovalAsker
{
    /// <summary>The user's answer. An implementation may end the request early instead (a protocol's "input required" round trip).</summary>
    ValueTask<ApprovalAnswer> AskAsync(ApprovalRequest request, CancellationToken cancellationToken);
}
