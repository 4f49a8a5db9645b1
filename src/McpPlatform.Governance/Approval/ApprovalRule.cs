namespace McpPlatform.Governance.Approval;

/// <summary>
/// One approval rule: calls of <see cref="Tools"/> of the <see cref="Access"/> classes, from <see cref="Upstreams"/>,
/// by callers in <see cref="Groups"/>, need (or, with <see cref="Require"/> false, do not need) the user's confirmation.
/// Every list left empty matches everything; a rule must name at least one of them.
/// </summary>
public sealed class ApprovalRule
{
    /// <summary>A unique name, written on the audit record of every call the rule asked about.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the rule is for, for reviewers.</summary>
    public string? Description { get; set; }

    /// <summary>Tool names, <c>toolset/*</c>, <c>prefix_*</c> or <c>*</c>, as in policy rules.</summary>
    public string[] Tools { get; set; } = [];

    /// <summary>Access classes: any of <c>Read</c>, <c>Write</c>, <c>Destructive</c>.</summary>
    public string[] Access { get; set; } = [];

    /// <summary>
    /// The tool sets (an upstream MCP server's or an OpenAPI document's namespace, a generated tool's class) whose
    /// tools the rule covers, compared exactly.
    /// </summary>
    public string[] Upstreams { get; set; } = [];

    /// <summary>Caller groups (compared ignoring case); the caller must be in one of them.</summary>
    public string[] Groups { get; set; } = [];

    /// <summary>True (the default): matching calls need approval. False: they do not (an exemption before a wider rule).</summary>
    public bool Require { get; set; } = true;
}
