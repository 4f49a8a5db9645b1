using McpPlatform.Governance.RateLimiting;
using McpPlatform.Hosting.CodeMode;
using McpPlatform.Hosting.Governance.Approval;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using McpPlatform.Hosting.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Fleet;

/// <summary>
/// Registers the fleet's shared state when <c>McpPlatform:Redis:Configuration</c> is set: the Redis connection, the
/// shared limit store the caller limits and Code Mode's cap use, the executions rollback can undo, stateful sessions that move between replicas,
/// the 2026-07-28 approval round trip's shared parts (journals, used request states, the Data Protection key ring), and the
/// readiness check. Without it nothing is added
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
        services.AddSingleton<SlotReleases>();
        services.AddSingleton<ISharedLimitStore, RedisLimitStore>();
        services.AddSingleton<McpPlatform.Governance.Rollback.ISharedExecutionStore, RedisExecutionStore>(); // rollback from any replica
        services.AddSingleton<ModelContextProtocol.AspNetCore.ISessionMigrationHandler, RedisSessionMigration>(); // used in Stateful mode
        // A 2026-07-28 approval asked on one replica may be answered on any other (no sticky routing): the execute journal,
        // the used request states and the keys that protect the requestState are all in Redis.
        services.Replace(ServiceDescriptor.Singleton<IExecutionJournals, RedisExecutionJournals>());
        services.Replace(ServiceDescriptor.Singleton<IUsedRequestStates, RedisUsedRequestStates>());
        var keyPrefix = configuration[RedisOptions.SectionName + ":KeyPrefix"] ?? new RedisOptions().KeyPrefix;
        services.AddDataProtection().SetApplicationName("McpPlatform:" + keyPrefix); // one name per server: its replicas read each other's payloads
        services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>(
            (keys, redis) => keys.XmlRepository = new RedisXmlRepository(() => redis.Database, redis.Prefix + "data-protection-keys"));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, tags: [PlatformHealthTags.Ready]);
    }
}
