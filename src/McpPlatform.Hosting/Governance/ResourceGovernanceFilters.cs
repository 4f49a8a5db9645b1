using System.Text.Json;
using System.Text.RegularExpressions;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.Prompts;
using McpPlatform.Governance.Resources;
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
/// read; subscriptions need the same permission (completions: <see cref="GovernedCompletions"/>).
/// </summary>
/// <remarks>
/// Only what the catalog holds is listed or served: a resource or prompt the SDK knows from
/// elsewhere (added to a session after the start-up check, <see cref="GovernedSurfaceValidator"/>)
/// is hidden and refused (<see cref="CatalogRefusals"/>). The SDK picks its own matching resource
/// before these filters run; resources/read replaces that pick with the one the catalog resolved
/// and authorised, so the resource that serves is always the one policy allowed.
/// </remarks>
internal static class ResourceGovernanceFilters
{
    public static McpRequestHandler<ListResourcesRequestParams, ListResourcesResult> ListResources(
        McpRequestHandler<ListResourcesRequestParams, ListResourcesResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken).ConfigureAwait(false);
            var visible = Visibility(request.Services, request.Server, request.User);
            result.Resources = [.. result.Resources.Where(r => visible.Resource(r.Uri))];
            return result;
        };

    public static McpRequestHandler<ListResourceTemplatesRequestParams, ListResourceTemplatesResult> ListResourceTemplates(
        McpRequestHandler<ListResourceTemplatesRequestParams, ListResourceTemplatesResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken).ConfigureAwait(false);
            var visible = Visibility(request.Services, request.Server, request.User);
            result.ResourceTemplates = [.. result.ResourceTemplates.Where(t => visible.Resource(t.UriTemplate))];
            return result;
        };

    public static McpRequestHandler<ListPromptsRequestParams, ListPromptsResult> ListPrompts(
        McpRequestHandler<ListPromptsRequestParams, ListPromptsResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken).ConfigureAwait(false);
            var visible = Visibility(request.Services, request.Server, request.User);
            result.Prompts = [.. result.Prompts.Where(p => visible.Prompt(p.Name))];
            return result;
        };

    public static McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> ReadResource(
        McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> next) =>
        async (request, cancellationToken) =>
        {
            var services = Services(request.Services, request.Server);
            var gate = services.GetRequiredService<ToolCallGate>();
            var uri = request.Params?.Uri ?? throw new McpProtocolException("resources/read needs a uri.", McpErrorCode.InvalidParams);
            var resource = Resolve(services.GetRequiredService<McpResourceCatalog>(), uri, out var variables);

            // The SDK matched a resource of its own before this filter; the one resolved here serves.
            request.MatchedPrimitive = resource;
            if (gate.IsPassThrough)
            {
                return await next(request, cancellationToken).ConfigureAwait(false);
            }

            var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(request.User);
            var governedAs = resource.Descriptor.GovernedAs;
            using var outcome = await gate.AdmitAsync(caller, governedAs, AsArguments(variables), cancellationToken).ConfigureAwait(false);
            if (outcome is not GateOutcome.Allowed allowed)
            {
                throw Refused(outcome);
            }

            var read = await next(request, cancellationToken).ConfigureAwait(false);
            var governed = gate.Complete(allowed, governedAs, GovernedContents.AsToolResult(read));

            // Contents withheld by a data-loss rule on the result are never served.
            return governed.IsError == true
                ? throw new McpProtocolException(GovernedContents.RefusalText(governed), McpErrorCode.InvalidRequest)
                : GovernedContents.Redacted(read, governed);
        };

    public static McpRequestHandler<GetPromptRequestParams, GetPromptResult> GetPrompt(
        McpRequestHandler<GetPromptRequestParams, GetPromptResult> next) =>
        async (request, cancellationToken) =>
        {
            var services = Services(request.Services, request.Server);
            var gate = services.GetRequiredService<ToolCallGate>();
            if (request.Params?.Name is not { } name || !services.GetRequiredService<McpResourceCatalog>().TryGetPrompt(name, out var prompt))
            {
                throw CatalogRefusals.UnknownPrompt(request.Params?.Name);
            }

            request.MatchedPrimitive = prompt;
            if (gate.IsPassThrough)
            {
                return await next(request, cancellationToken).ConfigureAwait(false);
            }

            var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(request.User);
            var governedAs = prompt.Descriptor.GovernedAs;
            using var outcome = await gate.AdmitAsync(caller, governedAs, request.Params.Arguments, cancellationToken).ConfigureAwait(false);
            if (outcome is not GateOutcome.Allowed allowed)
            {
                throw Refused(outcome);
            }

            request.Params.Arguments = allowed.Arguments; // redacted by data-loss rules when they matched
            var got = await next(request, cancellationToken).ConfigureAwait(false);
            var governed = gate.Complete(allowed, governedAs, GovernedContents.AsToolResult(got));

            // Messages withheld by a data-loss rule on the result are never served.
            return governed.IsError == true
                ? throw new McpProtocolException(GovernedContents.RefusalText(governed), McpErrorCode.InvalidRequest)
                : GovernedContents.Redacted(got, governed);
        };

    /// <summary>A refusal of the gate as the JSON-RPC error a resources/read or prompts/get caller gets.</summary>
    private static McpProtocolException Refused(GateOutcome refused) =>
        new(refused.RefusalMessage ?? "Refused.", McpErrorCode.InvalidRequest);

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

    /// <summary>The resource at <paramref name="uri"/> when the caller may read it; a JSON-RPC error otherwise.</summary>
    private static GeneratedMcpResource FindReadable(IServiceProvider services, System.Security.Claims.ClaimsPrincipal? user, string uri)
    {
        var resource = Resolve(services.GetRequiredService<McpResourceCatalog>(), uri, out _);
        var gate = services.GetRequiredService<ToolCallGate>();
        var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(user);
        var decision = gate.Decide(caller, resource.Descriptor.GovernedAs);
        if (AuditScopeRecord() is { } record)
        {
            record.Tool = resource.Descriptor.GovernedAs.Name;
            record.Access = decision.Access.ToString();
            record.Decision = decision.Allowed ? AuditDecisions.Allowed : AuditDecisions.Denied;
            record.Rule = decision.Rule;
        }

        return decision.Allowed
            ? resource
            : throw new McpProtocolException($"Denied by policy: {decision.Rule}. {decision.Reason}", McpErrorCode.InvalidRequest);
    }

    /// <summary>The one catalog resource that serves <paramref name="uri"/>; a refusal when there is none or it cannot be decided in time.</summary>
    private static GeneratedMcpResource Resolve(McpResourceCatalog catalog, string uri, out IReadOnlyDictionary<string, string> variables)
    {
        bool found;
        GeneratedMcpResource? resource;
        IReadOnlyDictionary<string, string>? matched;
        try
        {
            found = catalog.TryFindResource(uri, out resource, out matched);
        }
        catch (RegexMatchTimeoutException)
        {
            throw CatalogRefusals.UriTemplateTimedOut();
        }

        if (!found)
        {
            throw CatalogRefusals.ResourceNotFound(uri);
        }

        variables = matched!;
        return resource!;
    }

    private static AuditRecord? AuditScopeRecord() => AuditScope.Current;

    private static Dictionary<string, JsonElement>? AsArguments(IReadOnlyDictionary<string, string> variables) =>
        variables.Count == 0
            ? null
            : variables.ToDictionary(v => v.Key, v => StringElement(v.Value), StringComparer.Ordinal);

    internal static JsonElement StringElement(string value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(value);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>What the caller may see: the catalog's resources and prompts that policy lets it read (all of them when governance is off).</summary>
    private static CallerVisibility Visibility(IServiceProvider? requestServices, McpServer server, System.Security.Claims.ClaimsPrincipal? user)
    {
        var services = Services(requestServices, server);
        var gate = services.GetRequiredService<ToolCallGate>();
        var caller = gate.IsGoverned ? services.GetRequiredService<CallerIdentityResolver>().Resolve(user) : McpPlatform.CallerIdentity.Anonymous;
        return new CallerVisibility(gate, caller, services.GetRequiredService<McpResourceCatalog>());
    }

    private static IServiceProvider Services(IServiceProvider? requestServices, McpServer server) =>
        requestServices ?? server.Services ?? throw new InvalidOperationException("The MCP server has no service provider.");

    private sealed class CallerVisibility(ToolCallGate gate, McpPlatform.CallerIdentity caller, McpResourceCatalog catalog)
    {
        /// <summary>Resources this catalog does not hold (registered past the generator) are never listed.</summary>
        public bool Resource(string uriOrTemplate) =>
            catalog.ResourceDeclaredAs(uriOrTemplate) is { } resource && gate.Decide(caller, resource.Descriptor.GovernedAs).Allowed;

        public bool Prompt(string name) =>
            catalog.TryGetPrompt(name, out var prompt) && gate.Decide(caller, prompt.Descriptor.GovernedAs).Allowed;
    }
}
