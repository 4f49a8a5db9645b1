using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>Registers Code Mode: its options (validated at start), the tool index, the per-caller cap and the runner.</summary>
internal static class PlatformCodeMode
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CodeModeOptions>().Bind(configuration.GetSection(CodeModeOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CodeModeOptions>, CodeModeOptionsValidator>();
        services.AddSingleton(provider => new CodeModeToolIndex(provider.GetRequiredService<McpToolCatalog>()));
        services.AddOptions<OperationSurfaceOptions>().Bind(configuration.GetSection(OperationSurfaceOptions.SectionName))
            .Validate(o => o.NativeToolLimit >= 0, $"{OperationSurfaceOptions.SectionName}:NativeToolLimit must be 0 or more (0 offers every OpenAPI operation through Code Mode only).")
            .ValidateOnStart();
        services.AddSingleton(provider => new OperationSurface(
            provider.GetRequiredService<McpToolCatalog>(),
            provider.GetRequiredService<IOptions<OperationSurfaceOptions>>().Value,
            provider.GetRequiredService<IOptions<CodeModeOptions>>().Value));
        services.AddSingleton<CodeModeConcurrency>();
        // Journals of executions stopped for an approval round trip on protocol 2026-07-28 (a fleet may register a shared store first).
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IExecutionJournals, InProcessExecutionJournals>();
        services.AddSingleton(provider => new CodeModeRunner(
            provider.GetRequiredService<IOptions<CodeModeOptions>>(),
            provider.GetRequiredService<CodeModeToolIndex>(),
            provider.GetRequiredService<Governance.ToolCallGate>(),
            provider.GetRequiredService<Authentication.CallerIdentityResolver>(),
            provider.GetRequiredService<CodeModeConcurrency>(),
            provider,
            provider.GetRequiredService<ILogger<CodeModeRunner>>()));

        // The surface is chosen from the MCP URL's query, read through the current HTTP request.
        services.AddHttpContextAccessor();
    }
}
