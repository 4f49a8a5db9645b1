using System.Security.Claims;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Policy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// Wraps the MCP endpoint: authenticates the request with the platform's scheme (unless the endpoint's authorization
/// policy did), answers a request without a valid token with the bearer challenge (401 with resource metadata) and a
/// token without the read scope with 403 <c>insufficient_scope</c>. Done here rather than as a policy requirement
/// because the 403 needs its own WWW-Authenticate header.
/// </summary>
/// <remarks>
/// Authenticating here instead of through ASP.NET Core's authorization middleware saves that middleware's per-request
/// work (policy lookup, a second authenticate pass, principal merge, ticket) on every call, and lets a token the
/// <see cref="ValidatedTokenCache"/> already validated skip the JWT handler altogether (its expiry is still checked on
/// every call). The token is the same one the handler would take, and a miss goes through the handler as before.
/// </remarks>
internal static class CallerGate
{
    /// <param name="inner">The rest of the endpoint.</param>
    /// <param name="services">The app's services.</param>
    /// <param name="authenticates">
    /// True when this gate authenticates (the endpoint carries no authorization policy of the platform's: MapGovernedMcp
    /// leaves it off unless the app has a fallback policy); false when the policy already did.
    /// </param>
    public static RequestDelegate Wrap(RequestDelegate inner, IServiceProvider services, bool authenticates)
    {
        var callers = services.GetRequiredService<CallerIdentityResolver>();
        var cache = services.GetRequiredService<ValidatedTokenCache>();
        string[] readScope = [services.GetRequiredService<IOptions<PolicyOptions>>().Value.ReadScope];

        // An app's claims transformation runs on every authenticated request through the handler: then the cache is
        // read only through the handler too, so the transformation still sees every principal.
        var cachedDirectly = authenticates && !HasClaimsTransformation(services);
        return context =>
        {
            if (authenticates)
            {
                if (cachedDirectly && cache.TryGetPrincipal(context.Request) is { } cached)
                {
                    context.User = cached;
                }
                else
                {
                    return AuthenticateThenCheckAsync(context);
                }
            }

            return Check(context);
        };

        async Task AuthenticateThenCheckAsync(HttpContext context)
        {
            var result = await context.AuthenticateAsync(McpPlatformAuthenticationDefaults.AuthenticationScheme);

            // As the authorization middleware does for a policy's schemes: without the platform's token the request
            // is anonymous here, whatever the app's default scheme made of it (a cookie is no MCP caller).
            context.User = result.Succeeded ? result.Principal : new ClaimsPrincipal(new ClaimsIdentity());
            await Check(context);
        }

        Task Check(HttpContext context)
        {
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
        }
    }

    private static bool HasClaimsTransformation(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetService<IClaimsTransformation>() is { } transformation and not NoopClaimsTransformation;
    }
}
