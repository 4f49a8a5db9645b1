namespace McpPlatform.Governance.Policy;

/// <summary>
/// One grant: callers in <see cref="Groups"/> with <see cref="Claims"/>, holding a token with
/// <see cref="Scopes"/>, may call <see cref="Tools"/> of the <see cref="Access"/> classes listed.
/// </summary>
/// <remarks>
/// A grant is explicit per access class: granting Write or Destructive does not grant Read, and
/// granting Destructive does not grant Write. A tool whose access class is unspecified counts as Write.
/// </remarks>
public sealed class PolicyRule
{
    /// <summary>A unique name, reported in decisions and audit records.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the rule is for, for reviewers.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// The caller must be in at least one of these groups (compared ignoring case).
    /// Empty means any caller.
    /// </summary>
    public string[] Groups { get; set; } = [];

    /// <summary>
    /// Claims the caller must all carry, by claim type, e.g. <c>"device_managed": "true"</c>
    /// (values compared exactly). The claim types must be ones the server passes on; in JSON
    /// configuration a claim type cannot contain ':' (the configuration key separator).
    /// </summary>
    public Dictionary<string, string> Claims { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The tools the rule covers: exact tool names, <c>toolset/*</c> for every tool of a tool set,
    /// <c>prefix_*</c> (a trailing wildcard, e.g. <c>jira_*</c>) for every tool whose name starts with the prefix,
    /// or <c>*</c> for every tool (see <see cref="McpPlatform.Governance.Tools.ToolPatterns"/>).
    /// </summary>
    public string[] Tools { get; set; } = [];

    /// <summary>The access classes granted: any of <c>Read</c>, <c>Write</c>, <c>Destructive</c> (ignoring case).</summary>
    public string[] Access { get; set; } = [];

    /// <summary>Scopes the token must all carry for the rule to grant anything.</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>
    /// Makes the rule a profile: a caller matching the rule's groups and claims gets only what
    /// matching rules grant, and no default read access.
    /// </summary>
    public bool Exclusive { get; set; }
}
