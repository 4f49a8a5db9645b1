using System.Security.Claims;
using McpPlatform.Governance.Authentication;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// The per-request copy of a principal the <see cref="ValidatedTokenCache"/> validated earlier, carrying the caller
/// resolved from it then. The copy is what keeps requests apart (each gets its own principal object); carrying the
/// caller on it lets <see cref="CallerIdentityResolver"/> skip both the claim mapping and a weak-table entry per request.
/// </summary>
internal sealed class CachedTokenPrincipal(ClaimsPrincipal validated, CallerIdentity caller) : ClaimsPrincipal(validated)
{
    /// <summary>The caller resolved from the validated principal this one copies.</summary>
    public CallerIdentity Caller { get; } = caller;
}
