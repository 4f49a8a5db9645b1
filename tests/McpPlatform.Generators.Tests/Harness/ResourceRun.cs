using System.Runtime.Loader;
using System.Text.Json;
using McpPlatform.Governance.Prompts;
using McpPlatform.Governance.Resources;
using McpPlatform.Hosting.Prompts;
using McpPlatform.Hosting.Resources;
using Microsoft.CodeAnalysis;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>Loads a run's generated resource catalog and reads resources, gets prompts and completes values without HTTP.</summary>
internal static class ResourceRun
{
    public const string HintName = "McpPlatform.GeneratedMcpResources.g.cs";

    /// <summary>The generated resource catalog source.</summary>
    public static string ResourceSource(this GeneratorRun run) =>
        Assert.Single(run.Result.GeneratedTrees, t => t.FilePath.EndsWith(HintName, StringComparison.Ordinal)).ToString();

    /// <summary>The generated tool catalog source (with the AddMcpPlatform overload).</summary>
    public static string ToolSource(this GeneratorRun run) =>
        Assert.Single(run.Result.GeneratedTrees, t => t.FilePath.EndsWith("McpPlatform.GeneratedMcpTools.g.cs", StringComparison.Ordinal)).ToString();

    public static McpResourceCatalog LoadResourceCatalog(this GeneratorRun run)
    {
        using var image = new MemoryStream();
        var emit = run.Output.Emit(image);
        Assert.True(emit.Success, "Generated code did not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var assembly = new AssemblyLoadContext(run.Output.AssemblyName, isCollectible: true).LoadFromStream(image);
        var catalogType = assembly.GetType("McpPlatform.Generated.GeneratedMcpResourceCatalog", throwOnError: true)!;
        return (McpResourceCatalog)catalogType.GetProperty("Instance")!.GetValue(null)!;
    }

    public static async Task<ReadResourceResult> ReadAsync(McpResourceCatalog catalog, string uri, IServiceProvider? services = null)
    {
        Assert.True(catalog.TryFindResource(uri, out var resource, out _), $"no resource serves {uri}");
        await using var server = CreateServer(services);
        var request = new RequestContext<ReadResourceRequestParams>(
            server, new JsonRpcRequest { Id = new RequestId(1), Method = RequestMethods.ResourcesRead }, new ReadResourceRequestParams { Uri = uri })
        {
            Services = services,
        };
        return await resource.ReadAsync(request, CancellationToken.None);
    }

    public static async Task<GetPromptResult> GetAsync(McpResourceCatalog catalog, string name, string argumentsJson = "{}", IServiceProvider? services = null)
    {
        Assert.True(catalog.TryGetPrompt(name, out var prompt), $"no prompt {name}");
        await using var server = CreateServer(services);
        var request = new RequestContext<GetPromptRequestParams>(
            server,
            new JsonRpcRequest { Id = new RequestId(1), Method = RequestMethods.PromptsGet },
            new GetPromptRequestParams { Name = name, Arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(argumentsJson) })
        {
            Services = services,
        };
        return await prompt.GetAsync(request, CancellationToken.None);
    }

    public static async Task<IReadOnlyList<string>> CompleteAsync(McpCompletionSource source, string value)
    {
        await using var server = CreateServer(null);
        var request = new RequestContext<CompleteRequestParams>(
            server,
            new JsonRpcRequest { Id = new RequestId(1), Method = RequestMethods.CompletionComplete },
            new CompleteRequestParams { Ref = new PromptReference { Name = "x" }, Argument = new Argument { Name = source.Argument, Value = value } });
        return [.. await source.Complete(new CompletionInvocation(request, value), CancellationToken.None)];
    }

    private static McpServer CreateServer(IServiceProvider? services) =>
        McpServer.Create(new StreamServerTransport(Stream.Null, Stream.Null), new McpServerOptions(), loggerFactory: null, serviceProvider: services);

    public static GeneratedMcpPrompt Prompt(this McpResourceCatalog catalog, string name) =>
        catalog.TryGetPrompt(name, out var prompt) ? prompt : throw new InvalidOperationException($"no prompt {name}");
}
