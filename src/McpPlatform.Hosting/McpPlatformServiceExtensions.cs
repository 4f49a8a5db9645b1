using McpPlatform.Governance;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Secrets;
using McpPlatform.Governance.Security;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.Governance;
using McpPlatform.Hosting.Secrets;
using McpPlatform.Hosting.Security;
using McpPlatform.Hosting.Tools;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Server;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>builder.AddMcpPlatform()</c>: the MCP server, its generated tools and the platform's
/// services. The generator emits a parameterless overload in each server project that passes
/// the project's generated tool catalog to this one.
/// </summary>
public static class McpPlatformServiceExtensions
{
    /// <summary>Registers the MCP server, its generated tools and the platform's services.</summary>
    public static IMcpServerBuilder AddMcpPlatform(
        this IHostApplicationBuilder builder, McpToolCatalog catalog, Action<McpPlatformOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(catalog);

        // OpenAPI documents declared in the project (<McpOpenApi>) or added before this call (AddMcpOpenApi) join the
        // one catalog the gate governs.
        catalog = McpPlatform.Hosting.OpenApi.OpenApiCatalogs.Include(builder.Services, builder.Configuration, catalog);

        // Snippets the project's build checked and shipped (snippets/*.js, docs/snippets.md) join it as snippet_<name> tools.
        catalog = McpPlatform.Hosting.Snippets.SnippetCatalogs.Include(catalog);

        var options = builder.Services.AddOptions<McpPlatformOptions>()
            .Bind(builder.Configuration.GetSection(McpPlatformOptions.SectionName))
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddSingleton<IValidateOptions<McpPlatformOptions>, McpPlatformOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<McpPlatformOptions>, ForwardedHeadersSettingsValidator>();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddTransient<IStartupFilter, PlatformStartupFilter>();
        PlatformAuthentication.Add(builder.Services, builder.Configuration, builder.Environment);
        PlatformGovernance.Add(builder.Services, builder.Configuration);
        PlatformAudit.Add(builder.Services, builder.Configuration);
        PlatformSecrets.Add(builder.Services, builder.Configuration);
        McpPlatform.Hosting.CodeMode.PlatformCodeMode.Add(builder.Services, builder.Configuration);
        McpPlatform.Hosting.Rollback.PlatformRollback.Add(builder.Services, builder.Configuration);
        McpPlatform.Hosting.Manifest.PlatformManifest.Add(builder.Services, builder.Configuration);
        McpPlatform.Hosting.Health.PlatformHealthChecks.Add(builder.Services, builder.Configuration);
        FleetStore.Add(builder.Services, builder.Configuration, builder.Environment); // McpPlatform.Hosting.Redis, when referenced

        // The SDK's options follow the platform's, so every way of configuring them (appsettings,
        // the callback, services.Configure) reaches initialize and the transport alike.
        builder.Services.AddOptions<McpServerOptions>().Configure<IOptions<McpPlatformOptions>>(
            (server, platform) => server.ServerInfo = ServerIdentity.Describe(platform.Value));
        // tools/list and tools/call exist even with an empty catalog (a portal with no upstream yet): Code Mode still
        // offers search and execute, and a client must get an empty list, not "method not available". The SDK only
        // registers the tool handlers when it has a tool collection; an empty one keeps them.
        builder.Services.AddOptions<McpServerOptions>().Configure(server => server.ToolCollection ??= []);
        builder.Services.AddOptions<HttpServerTransportOptions>().Configure<IOptions<McpPlatformOptions>>(
            (http, platform) => http.SessionMode = platform.Value.SessionMode == McpSessionMode.Stateful
                ? HttpServerSessionMode.Stateful
                : HttpServerSessionMode.Stateless);

        return builder.Services
            .AddMcpServer()
            .WithHttpTransport()
            .WithMessageFilters(filters => filters.AddIncomingFilter(AuditMessageFilter.Incoming))
            .WithRequestFilters(filters => filters
                .AddListToolsFilter(GovernanceFilters.ListTools)
                .AddCallToolFilter(GovernanceFilters.CallTool)

                // Also without generated resources or prompts: one the SDK knows from elsewhere is then hidden and refused.
                .AddListResourcesFilter(ResourceGovernanceFilters.ListResources)
                .AddListResourceTemplatesFilter(ResourceGovernanceFilters.ListResourceTemplates)
                .AddReadResourceFilter(ResourceGovernanceFilters.ReadResource)
                .AddListPromptsFilter(ResourceGovernanceFilters.ListPrompts)
                .AddGetPromptFilter(ResourceGovernanceFilters.GetPrompt))
            .WithTools(catalog.Tools);
    }
}
