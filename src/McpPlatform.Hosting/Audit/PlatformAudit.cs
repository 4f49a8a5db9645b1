using McpPlatform.Governance;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Secrets;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Secrets;
using McpPlatform.Hosting.Tools;
using McpPlatform.Secrets.LocalStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Audit;

/// <summary>Registers the audit log and flushes it after the server has drained its requests.</summary>
internal static class PlatformAudit
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        if (!configuration.GetValue(AuditOptions.SectionName + ":" + nameof(AuditOptions.Enabled), defaultValue: true))
        {
            services.PostConfigure<AuditOptions>(options => options.Enabled = false);
            return;
        }

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AuditOptions>>().Value;
            var environment = provider.GetRequiredService<IHostEnvironment>();
            var identity = ServerIdentity.Describe(provider.GetRequiredService<IOptions<McpPlatformOptions>>().Value);
            var failures = new AuditSinkFailures();
            var batching = new AuditFileBatching();
            var logger = AuditLoggerFactory.Create(configuration, options, environment.ContentRootPath, failures, batching); // creates the audit folder
            var checkpointFolder = CheckpointFolder(options, environment.ContentRootPath);
            Directory.CreateDirectory(checkpointFolder);
            var key = AuditChainKeyLoader.Load(
                provider.GetRequiredService<ISecretProvider>(),
                options,
                provider.GetRequiredService<IOptions<SecretsOptions>>().Value,
                environment,
                provider.GetRequiredService<ILogger<AuditLog>>());
            var log = new AuditLog(
                logger,
                failures,
                batching,
                options.FlushInterval,
                new AuditFieldLimits(options.MaxFieldChars, options.MaxArgumentsChars),
                new AuditServerInfo(identity.Name, identity.Version, ManifestHashOf(provider), options.Replica),
                provider.GetRequiredService<ILogger<AuditLog>>(),
                key,
                new AuditCheckpoints(checkpointFolder),
                options.CheckpointInterval);

            // ApplicationStopped fires after the server has finished its in-flight requests.
            provider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() => log.DisposeAsync().AsTask().GetAwaiter().GetResult());
            return log;
        });

        // Built at start-up, not on the first request: a folder that cannot be created stops the server with its setting named.
        services.AddHostedService<AuditStartup>();
        AddRefusalLimit(services, configuration);
    }

    // Refusals are counted per client address before they are audited (see RefusalLimiter).
    private static void AddRefusalLimit(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RefusalLimitOptions>().Bind(configuration.GetSection(RefusalLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RefusalLimitOptions>, RefusalLimitOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RefusalLimiter>();
        services.AddHostedService(provider => provider.GetRequiredService<RefusalLimiter>());
    }

    // The manifest hash of what is enforced (the compiled tool surface with the effective governance); a catalog
    // assembled by hand falls back to a hash of its tool surface.
    private static string ManifestHashOf(IServiceProvider provider) =>
        provider.GetRequiredService<EffectiveManifest>().Hash ?? ToolSurfaceHash.Compute(provider.GetRequiredService<ToolDescriptorSet>());

    /// <summary>The checkpoint folder: <see cref="AuditOptions.CheckpointDirectory"/>, or <c>checkpoints</c> inside the audit folder (where <c>audit verify</c> looks by default).</summary>
    internal static string CheckpointFolder(AuditOptions options, string contentRoot) =>
        string.IsNullOrWhiteSpace(options.CheckpointDirectory)
            ? Path.Combine(options.FolderUnder(contentRoot), "checkpoints")
            : Path.Combine(contentRoot, options.ExpandFolder(options.CheckpointDirectory));

    /// <summary>
    /// The audit folder: <see cref="AuditOptions.Directory"/> under the content root, with <c>%VARIABLE%</c>s expanded,
    /// so replicas sharing one volume each write their own folder (<c>/var/audit/%HOSTNAME%</c>: the pod or replica name).
    /// </summary>


    private sealed class AuditStartup(IServiceProvider services, IOptions<AuditOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                services.GetRequiredService<AuditLog>();
                return Task.CompletedTask;
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException(
                    $"McpPlatform:Audit:Directory / McpPlatform:Audit:CheckpointDirectory: the audit folder '{options.Value.Directory}' " +
                    $"or the checkpoint folder '{options.Value.CheckpointDirectory}' cannot be created or written: {failure.Message}", failure);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>The audit log may only be switched off in Development (benchmarks).</summary>
    private sealed class AuditOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuditOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuditOptions options)
        {
            if (!options.Enabled && !environment.IsDevelopment())
            {
                return ValidateOptionsResult.Fail($"McpPlatform:Audit:Enabled=false is only allowed in Development; in the '{environment.EnvironmentName}' environment every call is audited.");
            }

            var failures = new List<string>();
            if (options.FlushInterval < TimeSpan.Zero || options.FlushInterval > AuditOptions.MaxFlushInterval)
            {
                failures.Add(
                    $"McpPlatform:Audit:FlushInterval must be between 00:00:00 and {AuditOptions.MaxFlushInterval:c} (it is {options.FlushInterval:c}): " +
                    "it is how long records of read calls may wait in memory before they are written.");
            }

            var (min, max) = AuditOptions.CheckpointIntervalRange;
            if (options.CheckpointInterval < min || options.CheckpointInterval > max)
            {
                failures.Add(
                    $"McpPlatform:Audit:CheckpointInterval must be between {min:c} and {max:c} (it is {options.CheckpointInterval:c}): " +
                    "records written after the last checkpoint can be cut off the audit file unnoticed.");
            }

            if (!LocalSecretStore.IsValidName(options.KeySecretName))
            {
                failures.Add($"McpPlatform:Audit:KeySecretName must be a secret name: {LocalSecretStore.NameRules} (it is '{options.KeySecretName}').");
            }

            if (AuditFieldLimitsValidation.Validate(options) is { Failed: true } limits)
            {
                failures.AddRange(limits.Failures!);
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
