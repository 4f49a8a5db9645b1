using McpPlatform.Governance.Policy;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Gate;

/// <summary>
/// A check the gate makes before policy, for what policy rules cannot know: a portal's audience (the tools one
/// portal path offers), an upstream tool quarantined because its definition no longer matches the approved
/// one. It runs for listings and for every call, direct or from Code Mode, so a tool it refuses is neither
/// shown nor callable; a refusal is audited like a policy denial, under the rule it names.
/// </summary>
public interface IToolAdmissionRule
{
    /// <summary>Null when the rule has nothing against <paramref name="caller"/> calling <paramref name="tool"/>; otherwise the denial.</summary>
    /// <remarks>
    /// Called on every tools/list entry and every call: keep it to lookups, no I/O. A refusal names no
    /// <see cref="PolicyDecision.RequiredScopes"/>: asking for more scopes (step-up) is policy's alone, and the MCP host
    /// skips looking for a step-up where policy could ask for none (<see cref="GovernanceGate.CouldRequireStepUp"/>).
    /// </remarks>
    PolicyDecision? Refuse(CallerIdentity caller, McpToolDescriptor tool);
}
