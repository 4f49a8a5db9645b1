using System.Reflection;
using McpPlatform.Hosting.Tools;
using McpPlatform.OpenApi;
using McpPlatform.OpenApi.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.OpenApi;

/// <summary>
/// Puts an API's operations into the server's one tool catalog, whether the API is added before <c>AddMcpPlatform</c>
/// (kept until the platform builds its catalog) or after (the registered catalog is replaced by one that also holds
/// them). Either way the operations are governed tools like the generated ones: the same catalog, the same gate.
/// Documents the build declared (<c>&lt;McpOpenApi&gt;</c>, read back with <see cref="OpenApiDeclarations"/>) are
/// described by the compiled manifest, so the catalog keeps its manifest hash; a document added only at run time is not,
/// so a catalog with one carries no hash and cannot pass manifest pinning.
/// </summary>
internal static class OpenApiCatalogs
{
    /// <summary>Loads the document, registers the API's client and settings, and returns its tools.</summary>
    public static IReadOnlyList<OpenApiMcpTool> Register(
        IServiceCollection services, IConfiguration configuration, string apiNamespace, string documentFullPath, Action<OpenApiApiOptions>? configure)
    {
        if (!OpenApiNamespaces.IsValid(apiNamespace))
        {
            throw new ArgumentException(
                $"The OpenAPI namespace '{apiNamespace}' must be 1-{OpenApiNamespaces.MaxLength} characters of [a-z0-9_] starting with a letter: it prefixes every tool name ({apiNamespace}_<operation>).",
                nameof(apiNamespace));
        }

        if (!Registry(services).Namespaces.Add(apiNamespace))
        {
            throw new InvalidOperationException(
                $"The OpenAPI namespace '{apiNamespace}' is added twice (AddMcpOpenApi, or a <McpOpenApi> declaration of the project): each API needs its own namespace.");
        }

        // The access classes the build wrote into the manifest come from the same settings (OpenApiAccessSettings).
        var operations = OpenApiOperationCatalog.Load(documentFullPath, OpenApiAccessSettings.Read(configuration, apiNamespace));

        // The credential's secret name is declared on every descriptor now (the manifest lists it, and the secret
        // store gives a tool only what it declares); the value is read per call.
        var settings = new OpenApiApiOptions();
        configuration.GetSection($"{OpenApiApiOptions.SectionName}:{apiNamespace}").Bind(settings);
        configure?.Invoke(settings);
        var secret = settings.Credential.Kind == OpenApiCredentialKind.None ? null : settings.Credential.Secret;

        services.AddOpenApiClient(apiNamespace, configure);
        return operations.Select(operation => new OpenApiMcpTool(apiNamespace, operation, secret)).ToList();
    }

    /// <summary>Registers every document <paramref name="assembly"/> was built with (once per assembly).</summary>
    public static void AddDeclared(IServiceCollection services, IConfiguration configuration, Assembly assembly)
    {
        if (!Registry(services).ScannedAssemblies.Add(assembly))
        {
            return;
        }

        foreach (var declaration in OpenApiDeclarations.FromAssembly(assembly))
        {
            Add(services, Register(services, configuration, declaration.Namespace, declaration.FullPath, configure: null), declared: true);
        }
    }

    /// <summary>Adds <paramref name="tools"/> to the server: to the catalog <c>AddMcpPlatform</c> will build, or to the one it built.</summary>
    public static void Add(IServiceCollection services, IReadOnlyList<GovernedMcpTool> tools, bool declared)
    {
        var registry = Registry(services);
        if (services.LastOrDefault(d => d.ServiceType == typeof(McpToolCatalog) && !d.IsKeyedService)?.ImplementationInstance is not McpToolCatalog built)
        {
            registry.Pending.AddRange(tools);
            registry.RuntimeOnly |= !declared;
            return;
        }

        // Added after AddMcpPlatform: a catalog with these tools replaces the registered one, and the SDK learns them.
        services.Replace(ServiceDescriptor.Singleton(new McpToolCatalog(built.Tools.Concat(tools)) { ManifestHash = declared ? built.ManifestHash : null }));
        foreach (var tool in tools)
        {
            services.AddSingleton<McpServerTool>(tool);
        }
    }

    /// <summary>
    /// Called by <c>AddMcpPlatform</c>: the catalog with the documents the server's assemblies declare and the APIs added
    /// before it. The server's assemblies are those of its generated tools and the entry assembly.
    /// </summary>
    public static McpToolCatalog Include(IServiceCollection services, IConfiguration configuration, McpToolCatalog catalog)
    {
        var assemblies = catalog.Tools.Select(t => t.GetType().Assembly).Append(Assembly.GetEntryAssembly()).OfType<Assembly>().Distinct();
        foreach (var assembly in assemblies)
        {
            AddDeclared(services, configuration, assembly);
        }

        var registry = Registry(services);
        if (registry.Pending.Count == 0)
        {
            return catalog;
        }

        var combined = new McpToolCatalog(catalog.Tools.Concat(registry.Pending)) { ManifestHash = registry.RuntimeOnly ? null : catalog.ManifestHash, OpenApiOperationsPinnedByHost = catalog.OpenApiOperationsPinnedByHost };
        registry.Pending.Clear();
        return combined;
    }

    private static OpenApiRegistry Registry(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(OpenApiRegistry))?.ImplementationInstance is OpenApiRegistry registry)
        {
            return registry;
        }

        registry = new OpenApiRegistry();
        services.AddSingleton(registry);
        return registry;
    }

    /// <summary>What registration has seen so far: namespaces taken, assemblies scanned, tools waiting for the platform's catalog.</summary>
    private sealed class OpenApiRegistry
    {
        public HashSet<string> Namespaces { get; } = new(StringComparer.Ordinal);

        public HashSet<Assembly> ScannedAssemblies { get; } = [];

        public List<GovernedMcpTool> Pending { get; } = [];

        /// <summary>A pending API was added at run time only (not declared to the build): the compiled manifest does not describe it.</summary>
        public bool RuntimeOnly { get; set; }
    }
}
