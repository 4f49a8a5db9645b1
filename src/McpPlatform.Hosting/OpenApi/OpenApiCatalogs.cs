using System.Text.RegularExpressions;
using McpPlatform.Hosting.Tools;
using McpPlatform.OpenApi;
using McpPlatform.OpenApi.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.OpenApi;

/// <summary>
/// Puts an API's operations into the server's one tool catalog, whether the API is added before <c>AddMcpPlatform</c>
/// (kept until the platform builds its catalog) or after (the registered catalog is replaced by one that also holds
/// them). Either way the operations are governed tools like the generated ones: the same catalog, the same gate.
/// </summary>
internal static partial class OpenApiCatalogs
{
    /// <summary>Loads the document, registers the API's client and settings, and returns its tools.</summary>
    public static IReadOnlyList<OpenApiMcpTool> Register(
        IServiceCollection services, IConfiguration configuration, string apiNamespace, string documentFullPath, Action<OpenApiApiOptions>? configure)
    {
        if (!NamespacePattern().IsMatch(apiNamespace))
        {
            throw new ArgumentException(
                $"The OpenAPI namespace '{apiNamespace}' must be 1-32 characters of [a-z0-9_] starting with a letter: it prefixes every tool name ({apiNamespace}_<operation>).",
                nameof(apiNamespace));
        }

        var operations = OpenApiOperationCatalog.Load(documentFullPath);

        // The credential's secret name is declared on every descriptor now (the manifest lists it, and the secret
        // store gives a tool only what it declares); the value is read per call.
        var settings = new OpenApiApiOptions();
        configuration.GetSection($"{OpenApiApiOptions.SectionName}:{apiNamespace}").Bind(settings);
        configure?.Invoke(settings);
        var secret = settings.Credential.Kind == OpenApiCredentialKind.None ? null : settings.Credential.Secret;

        services.AddOpenApiClient(apiNamespace, configure);
        return operations.Select(operation => new OpenApiMcpTool(apiNamespace, operation, secret)).ToList();
    }

    /// <summary>Adds <paramref name="tools"/> to the server: to the catalog <c>AddMcpPlatform</c> will build, or to the one it built.</summary>
    public static void Add(IServiceCollection services, IReadOnlyList<GovernedMcpTool> tools)
    {
        var pending = Pending(services);
        if (services.LastOrDefault(d => d.ServiceType == typeof(McpToolCatalog) && !d.IsKeyedService)?.ImplementationInstance is not McpToolCatalog built)
        {
            pending.Tools.AddRange(tools);
            return;
        }

        // Added after AddMcpPlatform: a catalog with these tools replaces the registered one. The compiled manifest
        // does not describe tools added at run time, so the combined catalog carries no manifest hash (pinning says so).
        services.Replace(ServiceDescriptor.Singleton(new McpToolCatalog(built.Tools.Concat(tools))));
        foreach (var tool in tools)
        {
            services.AddSingleton<McpServerTool>(tool);
        }
    }

    /// <summary>Called by <c>AddMcpPlatform</c>: the catalog with the APIs added before it.</summary>
    public static McpToolCatalog Include(IServiceCollection services, McpToolCatalog catalog)
    {
        var pending = Pending(services);
        if (pending.Tools.Count == 0)
        {
            return catalog;
        }

        var combined = new McpToolCatalog(catalog.Tools.Concat(pending.Tools));
        pending.Tools.Clear();
        return combined;
    }

    private static PendingTools Pending(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(PendingTools))?.ImplementationInstance is PendingTools pending)
        {
            return pending;
        }

        pending = new PendingTools();
        services.AddSingleton(pending);
        return pending;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespacePattern();

    /// <summary>Tools of APIs added before the platform built its catalog.</summary>
    private sealed class PendingTools
    {
        public List<GovernedMcpTool> Tools { get; } = [];
    }
}
