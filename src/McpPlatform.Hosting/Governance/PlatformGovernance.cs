using McpPlatform.Governance.Approval;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Resources;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Governance.RateLimiting;
using McpPlatform.Hosting.Resources;
using McpPlatform.Hosting.Tools;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Governance;

/// <summary>
/// Registers the policy decision point, the data-loss rules, the rate limits, the gate that applies
/// them, and the start-up check that the MCP server serves nothing the gate does not see.
/// </summary>
internal static class PlatformGovernance
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        // The governance core sees descriptors, never the SDK's tool objects.
        services.TryAddSingleton(provider => provider.GetRequiredService<McpToolCatalog>().Descriptors);
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>();
        services.AddSingleton(provider => new PolicyDecisionPoint(
            provider.GetRequiredService<IOptions<PolicyOptions>>().Value, provider.GetRequiredService<ToolDescriptorSet>()));

        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<CallerRateLimits>();
        services.AddOptions<DlpOptions>().Bind(configuration.GetSection(DlpOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DlpOptions>, DlpOptionsValidator>();
        services.AddSingleton(provider => new DlpEngine(
            provider.GetRequiredService<IOptions<DlpOptions>>().Value, provider.GetRequiredService<ToolDescriptorSet>()));

        services.AddOptions<ApprovalOptions>().Bind(configuration.GetSection(ApprovalOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApprovalOptions>, ApprovalOptionsValidator>();
        services.AddSingleton(provider => new ApprovalPolicy(provider.GetRequiredService<IOptions<ApprovalOptions>>().Value));
        services.AddDataProtection(); // protects the request state of a 2026-07-28 approval round trip
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Approval.IUsedRequestStates, Approval.InProcessUsedRequestStates>();
        services.AddSingleton<Approval.ApprovalStates>();

        services.AddSingleton<ToolCallGate>();

        // Nothing ungoverned: the MCP server may hold only the generated catalog's tools, resources and prompts.
        services.TryAddSingleton(McpResourceCatalog.Empty);
        services.AddOptions<McpServerOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<McpServerOptions>, GovernedSurfaceValidator>();

        // Stateless requests get a copy of options built (and validated) once, not options rebuilt per request.
        services.AddSingleton<IOptionsFactory<McpServerOptions>, SharedServerOptionsFactory>();
    }
}
