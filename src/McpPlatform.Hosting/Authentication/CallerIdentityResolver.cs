using System.Runtime.CompilerServices;
using System.Security.Claims;
using McpPlatform.Governance.Authentication;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// Turns the validated token's claims into the <see cref="CallerIdentity"/> tools and policy see.
/// The authorization check, the rate limiter, the policy filter and the tool all ask for one
/// request's caller, so the identity is remembered per principal object.
/// </summary>
public sealed class CallerIdentityResolver(IOptions<ResourceServerOptions> options)
{
    private static readonly char[] ScopeSeparators = [' '];
    private readonly ClaimMappingOptions _claims = options.Value.Claims;
    private readonly ConditionalWeakTable<ClaimsPrincipal, CallerIdentity> _resolved = [];

    /// <summary>The caller of a request; <see cref="CallerIdentity.Anonymous"/> when nobody authenticated.</summary>
    public CallerIdentity Resolve(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated != true ? CallerIdentity.Anonymous
        : user is CachedTokenPrincipal cached ? cached.Caller // the validated-token cache's copy carries its caller
        : _resolved.GetValue(user, Map);

    private CallerIdentity Map(ClaimsPrincipal user) =>
        new CallerIdentity
        {
            // The validated token's iss claim; the handler also stamps every claim with the issuer that signed it.
            Issuer = user.FindFirst("iss")?.Value ?? user.Claims.FirstOrDefault()?.Issuer,
            Subject = user.FindFirst(_claims.Subject)?.Value ?? "unknown",
            Name = First(user, _claims.Name),
            Email = First(user, _claims.Email),
            ClientId = First(user, _claims.ClientId),
            Groups = All(user, _claims.Groups),
            Roles = All(user, _claims.Roles),
            Scopes = All(user, _claims.Scopes).SelectMany(s => s.Split(ScopeSeparators, StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToArray(),
            Claims = _claims.PassThrough
                .Select(type => (type, values: All(user, [type])))
                .Where(c => c.values.Count > 0)
                .ToDictionary(c => c.type, c => c.values, StringComparer.Ordinal),
        };

    private static string? First(ClaimsPrincipal user, string[] types) =>
        types.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrEmpty(value));

    private static IReadOnlyList<string> All(ClaimsPrincipal user, string[] types) =>
        types.SelectMany(type => user.FindAll(type)).Select(c => c.Value).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
