using System.Text.Json;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.Prompts;
using McpPlatform.Hosting.Resources;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Governance;

/// <summary>
/// The request filters that put the tool gate in front of generated resources and prompts. A
/// resource is governed as the Read tool <c>resource:&lt;name&gt;</c> (tool set <c>resources</c>)
/// and a prompt as <c>prompt:&lt;name&gt;</c> (tool set <c>prompts</c>): resources/read and
/// prompts/get pass policy, data-loss rules on the template variables or arguments and on the
/// contents, rate limits and the audit record; the list requests show a caller only what it may
/// read; subscriptions and completions need the same permission.
/// </summary>
internal static class ResourceGovernanceFilters
{
    private const int MaxCompletionValues = 100;

    public static McpRequestHandler<ListResourcesRequestParams, ListResourcesResult> ListResources(
        McpRequestHandler<ListResourcesRequestParams, ListResourcesResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken).ConfigureAwait(false);
            if (Visibility(request.Services, request.Server, request.User) is { } visible)
            {
                result.Resources = [.. result.Resources.Where(r => visible.Resource(r.Uri))];
            }

            return result;
        };

    public static McpRequestHandler<ListResourceTemplatesRequestParams, ListResourceTemplatesResult> ListResourceTemplates(
        McpRequestHandler<ListResourceTemplatesRequestParams, ListResourceTemplatesResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken).ConfigureAwait(false);
            if (Visibility(request.Services, request.Server, request.User) is { } visible)
            {
                result.ResourceTemplates = [.. result.ResourceTemplates.Where(t => visible.Resource(t.UriTemplate))];
            }

            return result;
        };

    public static McpRequestHandler<ListPromptsRequestParams, ListPromptsResult> ListPrompts(
        McpRequestHandler<ListPromptsRequestParams, ListPromptsResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken).ConfigureAwait(false);
            if (Visibility(request.Services, request.Server, request.User) is { } visible)
            {
                result.Prompts = [.. result.Prompts.Where(p => visible.Prompt(p.Name))];
            }

            return result;
        };

    public static McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> ReadResource(
        McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> next) =>
        async (request, cancellationToken) =>
        {
            var services = Services(request.Services, request.Server);
            var gate = services.GetRequiredService<ToolCallGate>();
            var catalog = services.GetRequiredService<McpResourceCatalog>();
            if (gate.IsPassThrough || request.Params?.Uri is not { } uri || !catalog.TryFindResource(uri, out var resource, out var variables))
            {
                return await next(request, cancellationToken).ConfigureAwait(false);
            }

            var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(request.User);
            ReadResourceResult? read = null;
            var governed = await gate.InvokeAsync(
                caller,
                resource.Descriptor.GovernedAs,
                AsArguments(variables),
                async (_, token) =>
                {
                    read = await next(request, token).ConfigureAwait(false);
                    return GovernedContents.AsToolResult(read);
                },
                cancellationToken).ConfigureAwait(false);
            return read is null
                ? throw new McpProtocolException(GovernedContents.RefusalText(governed), McpErrorCode.InvalidRequest)
                : GovernedContents.Redacted(read, governed);
        };

    public static McpRequestHandler<GetPromptRequestParams, GetPromptResult> GetPrompt(
        McpRequestHandler<GetPromptRequestParams, GetPromptResult> next) =>
        async (request, cancellationToken) =>
        {
            var services = Services(request.Services, request.Server);
            var gate = services.GetRequiredService<ToolCallGate>();
            var catalog = services.GetRequiredService<McpResourceCatalog>();
            if (gate.IsPassThrough || request.Params?.Name is not { } name || !catalog.TryGetPrompt(name, out var prompt))
            {
                return await next(request, cancellationToken).ConfigureAwait(false);
            }

            var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(request.User);
            GetPromptResult? got = null;
            var governed = await gate.InvokeAsync(
                caller,
                prompt.Descriptor.GovernedAs,
                request.Params.Arguments,
                async (arguments, token) =>
                {
                    request.Params.Arguments = arguments; // redacted by data-loss rules when they matched
                    got = await next(request, token).ConfigureAwait(false);
                    return GovernedContents.AsToolResult(got);
                },
                cancellationToken).ConfigureAwait(false);
            return got is null
                ? throw new McpProtocolException(GovernedContents.RefusalText(governed), McpErrorCode.InvalidRequest)
                : GovernedContents.Redacted(got, governed);
        };

    public static ValueTask<EmptyResult> Subscribe(RequestContext<SubscribeRequestParams> request, CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri ?? throw new McpProtocolException("resources/subscribe needs a uri.", McpErrorCode.InvalidParams);
        var services = Services(request.Services, request.Server);
        var resource = FindReadable(services, request.User, uri);
        if (request.Server.SessionId is null)
        {
            throw new McpProtocolException("Resource subscriptions need a session to notify; this server runs stateless (McpPlatform:SessionMode).", McpErrorCode.InvalidRequest);
        }

        if (!services.GetRequiredService<ResourceSubscriptions>().Subscribe(request.Server, uri))
        {
            throw new McpProtocolException(
                $"This session already has {ResourceSubscriptions.MaxPerSession} resource subscriptions; unsubscribe from some first.", McpErrorCode.InvalidRequest);
        }

        if (AuditScopeRecord() is { } record)
        {
            record.Tool = resource.Descriptor.GovernedAs.Name;
        }

        return ValueTask.FromResult(new EmptyResult());
    }

    public static ValueTask<EmptyResult> Unsubscribe(RequestContext<UnsubscribeRequestParams> request, CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri ?? throw new McpProtocolException("resources/unsubscribe needs a uri.", McpErrorCode.InvalidParams);
        var services = Services(request.Services, request.Server);
        services.GetRequiredService<ResourceSubscriptions>().Unsubscribe(request.Server, uri);
        return ValueTask.FromResult(new EmptyResult());
    }

    public static async ValueTask<CompleteResult> Complete(RequestContext<CompleteRequestParams> request, CancellationToken cancellationToken)
    {
        var parameters = request.Params ?? throw new McpProtocolException("completion/complete needs params.", McpErrorCode.InvalidParams);
        var services = Services(request.Services, request.Server);
        var catalog = services.GetRequiredService<McpResourceCatalog>();
        var visible = Visibility(request.Services, request.Server, request.User);
        McpCompletionSource? source = parameters.Ref switch
        {
            PromptReference prompt when catalog.TryGetPrompt(prompt.Name, out _) && visible?.Prompt(prompt.Name) != false =>
                catalog.CompletionFor(McpCompletionTargetKind.Prompt, prompt.Name, parameters.Argument.Name),
            ResourceTemplateReference template when template.Uri is { } declared && catalog.ResourceDeclaredAs(declared) is { } resource
                && visible?.Resource(declared) != false =>
                catalog.CompletionFor(McpCompletionTargetKind.ResourceTemplate, resource.Descriptor.Uri, parameters.Argument.Name),
            _ => null,
        };

        if (source is null)
        {
            return new CompleteResult { Completion = new Completion { Values = [] } };
        }

        var values = (await source.Complete(new CompletionInvocation(request, parameters.Argument.Value), cancellationToken).ConfigureAwait(false))
            .Where(v => v is not null)
            .Take(MaxCompletionValues + 1)
            .ToList();
        var hasMore = values.Count > MaxCompletionValues;
        return new CompleteResult
        {
            Completion = new Completion { Values = hasMore ? values.GetRange(0, MaxCompletionValues) : values, HasMore = hasMore },
        };
    }

    /// <summary>The resource at <paramref name="uri"/> when the caller may read it; a JSON-RPC error otherwise.</summary>
    private static GeneratedMcpResource FindReadable(IServiceProvider services, System.Security.Claims.ClaimsPrincipal? user, string uri)
    {
        var catalog = services.GetRequiredService<McpResourceCatalog>();
        if (!catalog.TryFindResource(uri, out var resource, out _))
        {
            throw new McpProtocolException($"Resource not found: '{uri}'", McpErrorCode.ResourceNotFound);
        }

        var gate = services.GetRequiredService<ToolCallGate>();
        var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(user);
        var decision = gate.Decide(caller, resource.Descriptor.GovernedAs);
        if (AuditScopeRecord() is { } record)
        {
            record.Tool = resource.Descriptor.GovernedAs.Name;
            record.Access = decision.Access.ToString();
            record.Decision = decision.Allowed ? "allowed" : "denied";
            record.Rule = decision.Rule;
        }

        return decision.Allowed
            ? resource
            : throw new McpProtocolException($"Denied by policy: {decision.Rule}. {decision.Reason}", McpErrorCode.InvalidRequest);
    }

    private static Audit.AuditRecord? AuditScopeRecord() => Audit.AuditScope.Current;

    private static Dictionary<string, JsonElement>? AsArguments(IReadOnlyDictionary<string, string> variables) =>
        variables.Count == 0
            ? null
            : variables.ToDictionary(v => v.Key, v => StringElement(v.Value), StringComparer.Ordinal);

    private static JsonElement StringElement(string value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(value);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>What the caller may see, or null when everything is visible (governance off).</summary>
    private static CallerVisibility? Visibility(IServiceProvider? requestServices, McpServer server, System.Security.Claims.ClaimsPrincipal? user)
    {
        var services = Services(requestServices, server);
        var gate = services.GetRequiredService<ToolCallGate>();
        if (!gate.IsGoverned)
        {
            return null;
        }

        var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(user);
        return new CallerVisibility(gate, caller, services.GetRequiredService<McpResourceCatalog>());
    }

    private static IServiceProvider Services(IServiceProvider? requestServices, McpServer server) =>
        requestServices ?? server.Services ?? throw new InvalidOperationException("The MCP server has no service provider.");

    private sealed class CallerVisibility(ToolCallGate gate, McpPlatform.CallerIdentity caller, McpResourceCatalog catalog)
    {
        /// <summary>Resources this catalog does not know (added by hand) are left to the SDK.</summary>
        public bool Resource(string uriOrTemplate) =>
            catalog.ResourceDeclaredAs(uriOrTemplate) is not { } resource || gate.Decide(caller, resource.Descriptor.GovernedAs).Allowed;

        public bool Prompt(string name) =>
            !catalog.TryGetPrompt(name, out var prompt) || gate.Decide(caller, prompt.Descriptor.GovernedAs).Allowed;
    }
}
