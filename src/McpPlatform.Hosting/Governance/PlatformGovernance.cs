using McpPlatform.Hosting.Governance.Dlp;
using McpPlatform.Hosting.Governance.Policy;
using McpPlatform.Hosting.Governance.RateLimiting;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Governance;

/// <summary>Registers the policy decision point, the data-loss rules, the rate limits and the gate that applies them.</summary>
internal static class PlatformGovernance
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>();
        services.AddSingleton(provider => new PolicyDecisionPoint(
            provider.GetRequiredService<IOptions<PolicyOptions>>().Value, provider.GetRequiredService<McpToolCatalog>()));

        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<CallerRateLimits>();
        services.AddOptions<DlpOptions>().Bind(configuration.GetSection(DlpOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DlpOptions>, DlpOptionsValidator>();
        services.AddSingleton(provider => new DlpEngine(
            provider.GetRequiredService<IOptions<DlpOptions>>().Value, provider.GetRequiredService<McpToolCatalog>()));

        services.AddSingleton<ToolCallGate>();
    }
}
