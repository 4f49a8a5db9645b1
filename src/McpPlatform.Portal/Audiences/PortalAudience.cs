using McpPlatform.Governance.Tools;
using McpPlatform.Portal.Configuration;

namespace McpPlatform.Portal.Audiences;

/// <summary>
/// One audience's endpoint, as endpoint metadata: the admission rule reads it from the endpoint the request came in on,
/// so a tool is offered (and callable, also from Code Mode) at that path only when the audience allows it.
/// </summary>
/// <param name="Name">The audience's name (its configuration key); the rule is audited as <c>audience:&lt;name&gt;</c>.</param>
/// <param name="Options">Its path, tool patterns, access classes and groups.</param>
internal sealed record PortalAudience(string Name, PortalAudienceOptions Options)
{
    /// <summary>The rule name refusals are audited under.</summary>
    public string RuleName => "audience:" + Name;

    /// <summary>Whether <paramref name="tool"/> matches a pattern (<c>*</c>, exact, <c>ns/*</c> for a tool set, <c>prefix*</c>).</summary>
    public bool OffersTool(McpToolDescriptor tool) => Options.Tools.Any(pattern => ToolPatterns.Matches(pattern, tool.Name, tool.ToolSet));

    /// <summary>Whether <paramref name="access"/> is among the offered classes (all when none are listed).</summary>
    public bool OffersAccess(ToolAccess access) =>
        Options.Access.Length == 0 || Options.Access.Any(a => string.Equals(a.Trim(), access.ToString(), StringComparison.OrdinalIgnoreCase));
}
