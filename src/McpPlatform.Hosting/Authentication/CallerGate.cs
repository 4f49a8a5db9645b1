using McpPlatform.Governance.Policy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using McpPlatform.Governance.Authentication;
namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// Wraps the MCP endpoint: no validated token → the bearer challenge (401 with resource
/// metadata); a token without the read scope → 403 <c>insufficient_scope</c>. Done here rather
/// than through an authorization policy because it runs on every MCP request and needs nothing
/// a policy evaluation adds.
/// </summary>
internal static class CallerGate
{
    public static RequestDelegate Wrap(RequestDelegate inner, IServiceProvider services)
    {
        var callers = services.GetRequiredService<CallerIdentityResolver>();
        string[] readScope = [services.GetRequiredService<IOptions<PolicyOptions>>().Value.ReadScope];
        return context =>
        {
            var caller = callers.Resolve(context.User);
            if (!caller.IsAuthenticated)
            {
                return context.ChallengeAsync();
            }

            return caller.HasScope(readScope[0]) ? inner(context) : BearerChallenge.WriteInsufficientScopeAsync(context, readScope);
        };
    }
}
