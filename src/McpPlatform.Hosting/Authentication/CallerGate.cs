using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Policy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// Wraps the MCP endpoint: a token without the read scope → 403 <c>insufficient_scope</c>. The
/// endpoint's authorization policy has already answered a request without a valid token with the
/// bearer challenge (401 with resource metadata); the check here stays as a second line. Done here
/// rather than as a policy requirement because the 403 needs its own WWW-Authenticate header.
/// </summary>
internal static class CallerGate
{
    public static RequestDelegate Wrap(RequestDelegate inner, IServiceProvider services)
    {
        var callers = services.GetRequiredService<CallerIdentityResolver>();
        string[] readScope = [services.GetRequiredService<IOptions<PolicyOptions>>().Value.ReadScope];
        return context =>
        {
            // The token was validated by the authentication middleware before this; the span records what it decided.
            var caller = callers.Resolve(context.User);
            using (var span = McpPlatform.Governance.Telemetry.PlatformTelemetry.Start("auth"))
            {
                var verdict = !caller.IsAuthenticated ? "unauthenticated" : caller.HasScope(readScope[0]) ? "ok" : "insufficient_scope";
                span?.SetTag("mcpplatform.auth.outcome", verdict);
                span?.SetTag("enduser.id", caller.IsAuthenticated ? caller.Subject : null);
                if (!caller.IsAuthenticated)
                {
                    return context.ChallengeAsync(McpPlatformAuthenticationDefaults.AuthenticationScheme);
                }

                if (!caller.HasScope(readScope[0]))
                {
                    return BearerChallenge.WriteInsufficientScopeAsync(context, readScope);
                }
            }

            return inner(context);
        };
    }
}
