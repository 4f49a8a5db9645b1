using McpPlatform.Governance.RateLimiting;
using McpPlatform.Hosting.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Fleet;

/// <summary>
/// Registers the fleet's shared state when <c>McpPlatform:Redis:Configuration</c> is set: the Redis connection, the
/// shared limit store the caller limits and Code Mode's cap use, the executions rollback can undo, stateful sessions that move between replicas, and the readiness check. Without it nothing is added
/// and every limit stays in process.
/// </summary>
internal static class PlatformFleet
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        if (string.IsNullOrWhiteSpace(configuration[RedisOptions.SectionName + ":Configuration"]))
        {
            return;
        }

        services.AddSingleton<RedisConnection>();
        services.AddSingleton<ISharedLimitStore, RedisLimitStore>();
        services.AddSingleton<McpPlatform.Governance.Rollback.ISharedExecutionStore, RedisExecutionStore>(); // rollback from any replica
        services.AddSingleton<ModelContextProtocol.AspNetCore.ISessionMigrationHandler, RedisSessionMigration>(); // used in Stateful mode
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, tags: [PlatformHealthTags.Ready]);
    }
}
