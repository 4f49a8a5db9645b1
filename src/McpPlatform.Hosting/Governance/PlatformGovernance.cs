using McpPlatform.Hosting.Governance.Policy;
using McpPlatform.Hosting.Governance.RateLimiting;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Governance;

/// <summary>Registers the policy decision point, the rate limits and the gate that applies them.</summary>
internal static class PlatformGovernance
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PolicyOptions>>(provider => new PolicyOptionsValidator(provider.GetRequiredService<McpToolCatalog>()));
        services.AddSingleton(provider => new PolicyDecisionPoint(
            provider.GetRequiredService<IOptions<PolicyOptions>>().Value, provider.GetRequiredService<McpToolCatalog>()));

        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<CallerRateLimits>();
        services.AddSingleton<ToolCallGate>();
    }

    /// <summary>Checks the rules against the tools this server actually has.</summary>
    private sealed class PolicyOptionsValidator(McpToolCatalog catalog) : IValidateOptions<PolicyOptions>
    {
        public ValidateOptionsResult Validate(string? name, PolicyOptions options)
        {
            var failures = PolicyValidator.Validate(options, catalog);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
