using Microsoft.AspNetCore.Authorization;

namespace McpPlatform.Hosting.Authentication;

/// <summary>Every request to the MCP endpoint needs a token carrying the read scope.</summary>
internal sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var resolver = context.Resource is Microsoft.AspNetCore.Http.HttpContext http
            ? http.RequestServices.GetService(typeof(CallerIdentityResolver)) as CallerIdentityResolver
            : null;
        if (resolver is not null && resolver.Resolve(context.User).HasScope(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
