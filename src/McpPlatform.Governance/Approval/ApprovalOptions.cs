namespace McpPlatform.Governance.Approval;

/// <summary>
/// Which calls wait for the user's confirmation, bound from <c>McpPlatform:Approval</c>. A call the policy allows
/// is asked about (MCP elicitation) when the first matching rule in <see cref="Rules"/> requires it, or, when no rule
/// matches, when the tool is Destructive and <see cref="RequireForDestructive"/> is on (rule <c>default-destructive</c>).
/// </summary>
/// <remarks>Approval applies only where policy does (authentication on): with governance off nothing is asked.</remarks>
public sealed class ApprovalOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "McpPlatform:Approval";

    /// <summary>The longest <see cref="TimeoutSeconds"/> accepted: an hour.</summary>
    public const int MaxTimeoutSeconds = 3600;

    /// <summary>Off: no call is ever asked about (the rules are still validated).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When no rule matches, every Destructive tool needs approval (rule <c>default-destructive</c>).</summary>
    public bool RequireForDestructive { get; set; } = true;

    /// <summary>
    /// How long the user has to answer, in seconds (default 120): after it the call is refused as <c>approval_timeout</c>.
    /// On protocol 2026-07-28 it is how long the signed request state of an input-required result stays valid.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>The rules, first match wins.</summary>
    public List<ApprovalRule> Rules { get; set; } = [];

    /// <summary><see cref="TimeoutSeconds"/> as a time span.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
