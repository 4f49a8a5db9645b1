using McpPlatform.Governance.Resources;
using McpPlatform.Hosting.Governance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace McpPlatform.Hosting.Resources;

/// <summary>
/// Registers a project's generated resources, prompts and completion sources with the MCP
/// server, behind the same governance as tools (<see cref="ResourceGovernanceFilters"/>, which
/// <c>AddMcpPlatform</c> puts in front of every server's resources and prompts). The
/// generated <c>AddMcpPlatform()</c> overload calls this when the project has any.
/// </summary>
public static class PlatformResources
{
    /// <summary>Adds <paramref name="catalog"/> to the server built by <paramref name="builder"/>.</summary>
    public static IMcpServerBuilder Add(IMcpServerBuilder builder, McpResourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(catalog);
        // One resource catalog per server: this one replaces the empty default (and any earlier one,
        // whose resources the start-up check then reports as ungoverned).
        builder.Services.RemoveAll<McpResourceCatalog>();
        builder.Services.AddSingleton(catalog);
        builder.Services.TryAddSingleton<ResourceSubscriptions>();
        if (catalog.Resources.Count > 0)
        {
            builder.WithResources(catalog.Resources)
                .WithSubscribeToResourcesHandler(ResourceGovernanceFilters.Subscribe)
                .WithUnsubscribeFromResourcesHandler(ResourceGovernanceFilters.Unsubscribe);
        }

        if (catalog.Prompts.Count > 0)
        {
            builder.WithPrompts(catalog.Prompts);
        }

        if (catalog.Resources.Count > 0 || catalog.Prompts.Count > 0)
        {
            builder.WithCompleteHandler(GovernedCompletions.Complete);
        }

        // The request filters are registered by AddMcpPlatform for every server, with or without a resource catalog.
        return builder;
    }
}
