namespace McpPlatform.Governance.Policy;

/// <summary>The <see cref="PolicyDecision.Rule"/> values that are not configured rule names.</summary>
public static class PolicyDecisionIds
{
    /// <summary>Allowed: a Read tool, open to every caller with the read scope.</summary>
    public const string DefaultRead = "default-read";

    /// <summary>Denied: the token lacks the read scope that every tool call needs.</summary>
    public const string MissingReadScope = "missing-read-scope";

    /// <summary>Denied: a rule would grant the call, but the token lacks scopes it requires.</summary>
    public const string InsufficientScope = "insufficient-scope";

    /// <summary>Denied: a Read tool with default read access switched off and no granting rule.</summary>
    public const string DefaultDenyReads = "default-deny-reads";

    /// <summary>Denied: a Write tool (or one with no declared access class) and no granting rule.</summary>
    public const string DefaultDenyWrites = "default-deny-writes";

    /// <summary>Denied: a Destructive tool and no granting rule.</summary>
    public const string DefaultDenyDestructive = "default-deny-destructive";

    /// <summary>The prefix of a denial by an exclusive profile: <c>profile:&lt;rule name&gt;</c>.</summary>
    public const string ProfilePrefix = "profile:";
}
