namespace McpPlatform.Governance.Policy;

/// <summary>
/// Who may call which tool, bound from the <c>McpPlatform:Policy</c> configuration section.
/// Reads are open to every caller holding <see cref="ReadScope"/> (unless <see cref="DefaultRead"/>
/// is off or an exclusive profile applies); writes and destructive calls are denied unless a
/// rule in <see cref="Rules"/> grants them.
/// </summary>
/// <remarks>
/// The policy decides on the identity it is given. A server with authentication switched off
/// (development, conformance) passes <see cref="CallerIdentity.Anonymous"/>, which has no scopes
/// and is denied everything (<c>missing-read-scope</c>); a server with authentication off
/// therefore skips the policy where it is called, rather than the policy special-casing anonymity.
/// </remarks>
public sealed class PolicyOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "McpPlatform:Policy";

    /// <summary>The scope every tool call needs, read or write.</summary>
    public string ReadScope { get; set; } = "mcp:read";

    /// <summary>The scope every rule granting Write must require.</summary>
    public string WriteScope { get; set; } = "mcp:write";

    /// <summary>The scope every rule granting Destructive must require.</summary>
    public string DestructiveScope { get; set; } = "mcp:destructive";

    /// <summary>
    /// When true (the default), every caller holding <see cref="ReadScope"/> may call every Read
    /// tool (rule <c>default-read</c>), except callers an exclusive rule applies to.
    /// </summary>
    public bool DefaultRead { get; set; } = true;

    /// <summary>The rules granting access, in the order they are tried.</summary>
    public List<PolicyRule> Rules { get; set; } = [];
}
