using McpPlatform.Hosting.Resources;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Relay;

/// <summary>
/// prompts/list and prompts/get for upstream prompts, named <c>{namespace}_{prompt}</c>, governed as
/// <c>prompt:{namespace}</c>; outermost filters, like <see cref="ResourceRelayFilters"/>.
/// </summary>
internal static class PromptRelayFilters
{
    public static McpRequestHandler<ListPromptsRequestParams, ListPromptsResult> ListPrompts(
        McpRequestHandler<ListPromptsRequestParams, ListPromptsResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken).ConfigureAwait(false);
            if (request.Params?.Cursor is not null)
            {
                return result;
            }

            var visible = RelayGovernance.Visibility(request);
            var relayed = await UpstreamLists.GatherAsync<Prompt>(
                ResourceRelayFilters.Upstreams(request).Where(upstream => visible(RelayGovernance.Prompt(upstream.Namespace))),
                client => client.ServerCapabilities.Prompts is not null,
                RequestMethods.PromptsList,
                async (client, cursor, token) =>
                {
                    var page = await client.ListPromptsAsync(new ListPromptsRequestParams { Cursor = cursor }, token).ConfigureAwait(false);
                    return ((IEnumerable<Prompt>)page.Prompts, page.NextCursor);
                },
                static (upstream, prompt) =>
                {
                    prompt.Name = RelayNames.Prompt(upstream, prompt.Name);
                    return prompt;
                },
                ResourceRelayFilters.Logger(request),
                cancellationToken).ConfigureAwait(false);
            result.Prompts = [.. result.Prompts, .. relayed];
            return result;
        };

    public static McpRequestHandler<GetPromptRequestParams, GetPromptResult> GetPrompt(
        McpRequestHandler<GetPromptRequestParams, GetPromptResult> next) =>
        async (request, cancellationToken) =>
        {
            var upstreams = ResourceRelayFilters.Upstreams(request);
            if (request.Params?.Name is not { } name || !RelayNames.TryParsePrompt(upstreams, name, out var upstream, out var upstreamPrompt))
            {
                return await next(request, cancellationToken).ConfigureAwait(false);
            }

            using var inFlight = ResourceRelayFilters.InFlight(request, upstream);
            return await RelayGovernance.ReadAsync(
                request,
                RelayGovernance.Prompt(upstream.Namespace),
                request.Params.Arguments,
                (arguments, token) => UpstreamRequests.SendAsync(
                    upstream,
                    RequestMethods.PromptsGet,
                    async (client, sendToken) => Namespaced(upstream, await client.GetPromptAsync(
                        new GetPromptRequestParams { Name = upstreamPrompt, Arguments = arguments, Meta = request.Params.Meta }, sendToken).ConfigureAwait(false)),
                    token),
                GovernedContents.AsToolResult,
                GovernedContents.Redacted,
                cancellationToken).ConfigureAwait(false);
        };

    /// <summary>Resources a prompt embeds or links are the upstream's: the caller reads them through the portal, namespaced.</summary>
    private static GetPromptResult Namespaced(RelayUpstream upstream, GetPromptResult prompt)
    {
        foreach (var message in prompt.Messages)
        {
            switch (message.Content)
            {
                case EmbeddedResourceBlock embedded:
                    embedded.Resource.Uri = RelayNames.Uri(upstream, embedded.Resource.Uri);
                    break;
                case ResourceLinkBlock link:
                    link.Uri = RelayNames.Uri(upstream, link.Uri);
                    break;
            }
        }

        return prompt;
    }
}
