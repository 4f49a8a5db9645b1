using McpPlatform.Governance.Gate;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.Tools;
using Microsoft.AspNetCore.Http;

namespace McpPlatform.Portal.Audiences;

/// <summary>
/// Narrows the tools of an audience's endpoint (<c>McpPlatform:Portal:Audiences</c>) on top of policy: a caller of
/// <c>/finance/mcp</c> sees and may call only the tools, access classes and groups the finance audience names. Bound to the
/// endpoint the current request came in on (its <see cref="PortalAudience"/> metadata); requests on the main endpoint are
/// not narrowed. Refusals are audited under <c>audience:&lt;name&gt;</c>.
/// </summary>
internal sealed class AudienceRule(IHttpContextAccessor http) : IToolAdmissionRule
{
    /// <inheritdoc />
    public PolicyDecision? Refuse(CallerIdentity caller, McpToolDescriptor tool)
    {
        if (http.HttpContext?.GetEndpoint()?.Metadata.GetMetadata<PortalAudience>() is not { } audience)
        {
            return null;
        }

        var groups = audience.Options.Groups;
        if (groups.Length > 0 && !groups.Any(group => caller.Groups.Contains(group, StringComparer.Ordinal)))
        {
            return Deny(audience, tool, $"the '{audience.Name}' endpoint ({audience.Options.Path}) is for members of {string.Join(", ", groups)}");
        }

        if (!audience.OffersTool(tool))
        {
            return Deny(audience, tool, $"the '{audience.Name}' endpoint ({audience.Options.Path}) does not offer '{tool.Name}'");
        }

        return audience.OffersAccess(tool.Access)
            ? null
            : Deny(audience, tool, $"the '{audience.Name}' endpoint ({audience.Options.Path}) offers only {string.Join(", ", audience.Options.Access)} tools, and '{tool.Name}' is {tool.Access}");
    }

    private static PolicyDecision Deny(PortalAudience audience, McpToolDescriptor tool, string reason) =>
        new(false, tool.Name, tool.Access, audience.RuleName, $"Tool '{tool.Name}' is not available here: {reason}.", []);
}
