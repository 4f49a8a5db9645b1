using McpPlatform.Portal.Upstreams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Relay;

/// <summary>
/// Full MCP through the portal beyond tools: upstream resources (URIs <c>{namespace}+{uri}</c>), resource templates,
/// prompts (<c>{namespace}_{prompt}</c>) and completions, each read governed through the platform's gate; and, in
/// stateful mode, the upstream's progress, log messages and elicitation requests relayed to the caller they belong to.
/// See docs/portal-relay.md.
/// </summary>
public static class PortalRelay
{
    /// <summary>
    /// Registers the relay with the portal's MCP server: over the portal's <see cref="UpstreamRegistry"/> unless an
    /// <see cref="IRelayUpstreams"/> is registered first, and as an <see cref="IUpstreamClientConfigurator"/> of every
    /// upstream's client (elicitation, log messages). Composes with <c>AddMcpPlatform</c>'s filters in either order (the relay's are
    /// put outermost, so the platform's filters keep governing the portal's own items and never see upstream ones).
    /// </summary>
    public static void Add(IServiceCollection services, IMcpServerBuilder mcp)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(mcp);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(RelayCalls)))
        {
            return; // added once, whoever calls first: twice would list every upstream item twice
        }

        services.AddSingleton<RelayCalls>();
        services.TryAddSingleton<UpstreamClientRelay>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IUpstreamClientConfigurator, UpstreamClientRelay>(provider => provider.GetRequiredService<UpstreamClientRelay>()));

        // Upstreams send log messages only once asked for a level; callers set theirs on the portal (see UpstreamLogLevel).
        if (services.Any(descriptor => descriptor.ServiceType == typeof(UpstreamRegistry)))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, UpstreamLogLevel>());
        }

        // The portal's registry unless the host brings its own view of the upstreams.
        services.TryAddSingleton<IRelayUpstreams>(provider => new UpstreamRegistryRelayUpstreams(provider.GetRequiredService<UpstreamRegistry>()));

        // No request handlers (the platform's start-up check refuses hand-written ones, rightly: they would answer past
        // the gate): declaring the capabilities makes the SDK answer with its empty defaults, wrapped by the filters.
        mcp.Services.Configure<McpServerOptions>(options =>
        {
            options.Capabilities ??= new ServerCapabilities();
            options.Capabilities.Resources ??= new ResourcesCapability();
            options.Capabilities.Prompts ??= new PromptsCapability();
            options.Capabilities.Completions ??= new CompletionsCapability();

            var filters = options.Filters.Request;
            filters.ListResourcesFilters.Insert(0, ResourceRelayFilters.ListResources);
            filters.ListResourceTemplatesFilters.Insert(0, ResourceRelayFilters.ListResourceTemplates);
            filters.ReadResourceFilters.Insert(0, ResourceRelayFilters.ReadResource);
            filters.SubscribeToResourcesFilters.Insert(0, ResourceRelayFilters.Subscribe);
            filters.ListPromptsFilters.Insert(0, PromptRelayFilters.ListPrompts);
            filters.GetPromptFilters.Insert(0, PromptRelayFilters.GetPrompt);
            filters.CompleteFilters.Insert(0, CompletionRelayFilter.Complete);

            // The SDK runs logging/setLevel filters only when a handler is set; this one just accepts. (Logging is obsolete
            // from protocol 2026-07-28 on, SEP-2577; callers of earlier versions still use it.)
#pragma warning disable MCP9005
            options.Handlers.SetLoggingLevelHandler ??= LoggingLevelRelay.Accept;
            filters.SetLoggingLevelFilters.Insert(0, LoggingLevelRelay.SetLevel);
#pragma warning restore MCP9005
        });
    }
}
