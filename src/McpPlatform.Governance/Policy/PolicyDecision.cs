namespace McpPlatform.Governance.Policy;

/// <summary>The outcome of asking whether a caller may call a tool.</summary>
/// <param name="Allowed">True when the call may go ahead.</param>
/// <param name="Tool">The tool's name.</param>
/// <param name="Access">The tool's effective access class (an unspecified class counts as Write).</param>
/// <param name="Rule">
/// What decided: the granting rule's name, <c>default-read</c>, or a denial id
/// (see <see cref="PolicyDecisionIds"/>; <c>profile:&lt;rule&gt;</c> for a profile's denial).
/// </param>
/// <param name="Reason">
/// A message for the caller and the audit log naming the tool, its access class and what would
/// grant it. It never contains token contents.
/// </param>
/// <param name="MissingScopes">
/// When the caller is denied only because the token lacks scopes, the scopes that would allow
/// the call (for an <c>insufficient_scope</c> step-up); otherwise empty.
/// </param>
public sealed record PolicyDecision(
    bool Allowed,
    string Tool,
    ToolAccess Access,
    string Rule,
    string Reason,
    IReadOnlyList<string> MissingScopes)
{
    /// <summary>
    /// When <see cref="MissingScopes"/> is not empty: every scope the call needs (the read scope and the granting
    /// rule's scopes, those the token has and those it lacks), what a client asks for when it re-authorizes; otherwise empty.
    /// </summary>
    public IReadOnlyList<string> RequiredScopes { get; init; } = [];
}
