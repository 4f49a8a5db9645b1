using McpPlatform.Governance.Resources;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Resources;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Governance;

/// <summary>
/// Refuses to start a server whose MCP server would serve something the governed catalog does not
/// hold: a tool, resource or prompt registered on the plain SDK (<c>WithTools&lt;T&gt;()</c>,
/// <c>WithResources</c>, <c>WithPrompts</c>, an <see cref="McpServerTool"/> service, the options'
/// collections) or a hand-written handler that answers tools, resources, prompts or completions
/// itself. Each would be served without policy, data rules, rate limits or audit; the message
/// names every one and says how to declare it so the generator governs it.
/// </summary>
/// <remarks>
/// An options validator, so it runs when the server starts (ValidateOnStart) and whenever options are built:
/// once per app for stateless requests (<see cref="SharedServerOptionsFactory"/>), per session otherwise. What an
/// app adds to a session's options after that
/// (<c>ConfigureSessionOptions</c>) is caught by the request filters instead, which list and serve
/// only the catalog's items (<see cref="CatalogRefusals"/>).
/// </remarks>
internal sealed class GovernedSurfaceValidator(McpToolCatalog tools, McpResourceCatalog resources) : IValidateOptions<McpServerOptions>
{
    private const string HowToGovern =
        "Declare it in this project with [McpTool], [McpResource] or [McpPrompt] (and [McpCompletion]) so the generator adds it to the " +
        "governed catalog and the manifest, and remove the plain SDK registration.";

    public ValidateOptionsResult Validate(string? name, McpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Runs whenever options are built (per session, or per request when the app configures each session), so
        // the clean case allocates nothing: the list exists only once something ungoverned is found.
        // No `?? []` on the collections: an empty collection expression there would build an SDK collection (a
        // ConcurrentDictionary, about 0.5 KB) per absent kind on every request.
        List<string>? ungoverned = null;
        foreach (var tool in options.ToolCollection is { } toolCollection ? toolCollection : Enumerable.Empty<McpServerTool>())
        {
            if (!tools.TryGet(tool.ProtocolTool.Name, out var generated) || !ReferenceEquals(generated, tool))
            {
                (ungoverned ??= []).Add($"tool '{tool.ProtocolTool.Name}' ({Describe(tool)}; declare it with [McpTool])");
            }
        }

        foreach (var resource in options.ResourceCollection is { } resourceCollection ? resourceCollection : Enumerable.Empty<McpServerResource>())
        {
            var uri = resource.ProtocolResourceTemplate.UriTemplate;
            if (!ReferenceEquals(resources.ResourceDeclaredAs(uri), resource))
            {
                (ungoverned ??= []).Add($"resource '{uri}' ({Describe(resource)}; declare it with [McpResource])");
            }
        }

        foreach (var prompt in options.PromptCollection is { } promptCollection ? promptCollection : Enumerable.Empty<McpServerPrompt>())
        {
            if (!resources.TryGetPrompt(prompt.ProtocolPrompt.Name, out var generated) || !ReferenceEquals(generated, prompt))
            {
                (ungoverned ??= []).Add($"prompt '{prompt.ProtocolPrompt.Name}' ({Describe(prompt)}; declare it with [McpPrompt])");
            }
        }

        foreach (var (handlerName, handler) in ReplacingHandlers)
        {
            if (handler(options.Handlers) is { } hand && !IsPlatformHandler(hand))
            {
                (ungoverned ??= []).Add(
                    $"request handler {handlerName} (it answers requests itself, past the gate; remove it and declare what it serves with the attributes)");
            }
        }

#pragma warning disable MCPEXP002 // experimental in the SDK: a custom method answers past every request filter
        foreach (var custom in options.RequestHandlers ?? [])
        {
            (ungoverned ??= []).Add($"custom request handler '{custom.Method}' (McpServerOptions.RequestHandlers bypasses every request filter; remove it)");
        }
#pragma warning restore MCPEXP002

        return ungoverned is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "McpPlatform refuses to start: the MCP server would serve these outside the governed catalog, " +
                "without policy, data rules, rate limits or audit: " + string.Join("; ", ungoverned) + ". " + HowToGovern);
    }

    /// <summary>
    /// Handlers that would answer tools, resources, prompts or completions past the platform's filters.
    /// The platform sets only the completion and subscription handlers, and only its own.
    /// </summary>
    private static readonly (string Name, Func<McpServerHandlers, Delegate?> Handler)[] ReplacingHandlers =
    [
        (nameof(McpServerHandlers.ListToolsHandler), h => h.ListToolsHandler),
        (nameof(McpServerHandlers.CallToolHandler), h => h.CallToolHandler),
#pragma warning disable MCPEXP002 // experimental in the SDK: refused like any other hand-written tool handler
        (nameof(McpServerHandlers.CallToolWithAlternateHandler), h => h.CallToolWithAlternateHandler),
#pragma warning restore MCPEXP002
        (nameof(McpServerHandlers.ListResourcesHandler), h => h.ListResourcesHandler),
        (nameof(McpServerHandlers.ListResourceTemplatesHandler), h => h.ListResourceTemplatesHandler),
        (nameof(McpServerHandlers.ReadResourceHandler), h => h.ReadResourceHandler),
        (nameof(McpServerHandlers.ListPromptsHandler), h => h.ListPromptsHandler),
        (nameof(McpServerHandlers.GetPromptHandler), h => h.GetPromptHandler),
        (nameof(McpServerHandlers.CompleteHandler), h => h.CompleteHandler),
        (nameof(McpServerHandlers.SubscribeToResourcesHandler), h => h.SubscribeToResourcesHandler),
        (nameof(McpServerHandlers.UnsubscribeFromResourcesHandler), h => h.UnsubscribeFromResourcesHandler),
    ];

    private static bool IsPlatformHandler(Delegate handler) =>
        handler.Method.DeclaringType == typeof(ResourceGovernanceFilters) || handler.Method.DeclaringType == typeof(GovernedCompletions);

    private static string Describe(object primitive) =>
        primitive is GeneratedMcpTool or GeneratedMcpResource or Prompts.GeneratedMcpPrompt
            ? $"a {primitive.GetType().Name} that is not the one in this project's generated catalog"
            : "registered on the plain MCP SDK";
}
