namespace McpPlatform.Governance.Gate;

/// <summary>How strict <see cref="GovernanceGate"/> is.</summary>
/// <param name="Governed">
/// Whether callers are authenticated and policy applies (<c>McpPlatform:Authentication:Enabled</c>; off only in
/// Development by explicit setting). When false every call is allowed by <c>governance-off</c>.
/// </param>
/// <param name="FailClosedReads">
/// Whether Read calls, too, wait for their intent record and are refused when it cannot be written
/// (<c>McpPlatform:Audit:FailClosedReads</c>); other calls always do.
/// </param>
public readonly record struct GateSettings(bool Governed, bool FailClosedReads);
