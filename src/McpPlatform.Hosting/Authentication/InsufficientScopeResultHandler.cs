using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace McpPlatform.Hosting.Authentication;

/// <summary>Answers a token without the required scope with 403 <c>insufficient_scope</c> instead of a bare 403.</summary>
internal sealed class InsufficientScopeResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { } failure)
        {
            var scopes = failure.FailedRequirements.OfType<ScopeRequirement>().Select(r => r.Scope).ToArray();
            if (scopes.Length > 0)
            {
                return BearerChallenge.WriteInsufficientScopeAsync(context, scopes);
            }
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
