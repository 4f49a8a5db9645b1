using Microsoft.AspNetCore.Builder;

namespace McpPlatform.Hosting;

/// <summary>
/// What <c>MapMcpPlatform</c> returns: conventions added to it (<c>RequireCors</c>, <c>RequireRateLimiting</c>,
/// <c>RequireAuthorization</c>) reach every endpoint a client of the MCP server talks to, the MCP endpoint and the
/// protected resource metadata. Not the health probe: orchestrators call it without tokens, origins or budgets.
/// </summary>
internal sealed class PlatformEndpointConventions(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in builders)
        {
            builder.Add(convention);
        }
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in builders)
        {
            builder.Finally(finallyConvention);
        }
    }
}
