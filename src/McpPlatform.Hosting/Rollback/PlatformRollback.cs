using McpPlatform.Governance.Rollback;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Rollback;

/// <summary>Registers rollback: its options (validated at start), the execution store (in process, or on Redis in a fleet), the surface and the runner.</summary>
internal static class PlatformRollback
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RollbackOptions>().Bind(configuration.GetSection(RollbackOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RollbackOptions>, RollbackOptionsValidator>();
        services.AddSingleton(provider => new ExecutionStore(
            provider.GetRequiredService<IOptions<RollbackOptions>>().Value,
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetService<ISharedExecutionStore>())); // Redis when McpPlatform:Redis is set (PlatformFleet)
        services.AddSingleton(provider => new RollbackSurface(provider.GetRequiredService<McpToolCatalog>()));
        services.AddSingleton<RollbackRunner>();
    }
}

/// <summary>Refuses to start with a rollback setting below 1, naming it.</summary>
internal sealed class RollbackOptionsValidator : IValidateOptions<RollbackOptions>
{
    public ValidateOptionsResult Validate(string? name, RollbackOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
