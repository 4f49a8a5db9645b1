using McpPlatform.Governance;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Tools;
using McpPlatform.Portal.Audiences;
using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Fleet;
using McpPlatform.Portal.Manifest;
using McpPlatform.Portal.Quarantine;
using McpPlatform.Portal.RateLimiting;
using McpPlatform.Portal.Relay;
using McpPlatform.Portal.Tools;
using McpPlatform.Portal.Upstreams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>builder.AddMcpPortal()</c>: the MCP server of a portal, whose tools are the upstream MCP servers' tools its approved
/// manifest holds, governed by the platform exactly like generated tools (<c>AddMcpPlatform</c> with the portal's catalog).
/// </summary>
public static class McpPortalServiceExtensions
{
    /// <summary>
    /// Registers the portal: the upstream connections (<c>McpPlatform:Portal:Upstreams</c>), the approved upstream tools as
    /// the catalog, their quarantine when an upstream's definition no longer matches, the audiences' narrowing, the
    /// per-upstream call limits, and every service of <c>AddMcpPlatform</c> (policy, data rules, audit, Code Mode, pinning).
    /// </summary>
    public static IMcpServerBuilder AddMcpPortal(this IHostApplicationBuilder builder, Action<McpPlatformOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var portal = builder.Configuration.GetSection(PortalOptions.SectionName).Get<PortalOptions>() ?? new PortalOptions();

        // The approved manifest is the tool surface; read now because the catalog is fixed when the MCP server is built.
        var manifest = PortalManifest.Load(
            builder.Configuration[ManifestPinningOptions.SectionName + ":" + nameof(ManifestPinningOptions.ApprovedPath)],
            builder.Environment.ContentRootPath);
        var offered = manifest.Tools
            .Where(tool => portal.Upstreams.TryGetValue(tool.Namespace, out var upstream) && UpstreamToolNames.IsAllowed(upstream, tool.UpstreamName))
            .Select(tool => (GovernedMcpTool)new UpstreamMcpTool(tool));

        // HTTP APIs fronted from their OpenAPI documents: pinned in the same approved manifest (an openapi section per
        // operation), compared once now since a document cannot change under a running portal (docs/openapi.md, "Portal").
        var pins = OpenApiOperationPins.Compare(OpenApiUpstreams.Operations(builder, portal), manifest, portal.OpenApiUpstreams.Keys.ToList());
        var catalog = new McpToolCatalog(offered.Concat(pins.Offered))
        {
            ManifestHash = manifest.Approved?.Manifest.Hash,
            OpenApiOperationsPinnedByHost = true,
        };

        var services = builder.Services;
        services.AddSingleton(manifest);
        services.AddSingleton(pins);
        services.AddSingleton<UpstreamToolQuarantine>();
        services.AddSingleton<IToolAdmissionRule>(provider => provider.GetRequiredService<UpstreamToolQuarantine>());
        services.AddSingleton<IToolAdmissionRule, AudienceRule>();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<PortalOptions>, PortalAudienceOptionsValidator>();
        services.AddSingleton<IToolCallLimit, UpstreamCallLimits>();
        services.AddSingleton<PortalManifestProposal>();

        // Before the registry's hosted service: the watch subscribes to every connection before any of them connects.
        services.AddSingleton<UpstreamToolWatch>();
        services.AddHostedService(provider => provider.GetRequiredService<UpstreamToolWatch>());
        PortalUpstreams.Add(services, builder.Configuration);

        // A fleet (McpPlatform:Redis set): quarantine holds and the approved manifest shared with the other replicas (docs/fleet.md).
        PortalFleet.Add(services, builder.Configuration);

        var mcp = builder.AddMcpPlatform(catalog, configure);

        // Resources, prompts, completions, progress, log messages and elicitation of the upstreams (docs/portal-relay.md).
        PortalRelay.Add(services, mcp);
        return mcp;
    }
}
