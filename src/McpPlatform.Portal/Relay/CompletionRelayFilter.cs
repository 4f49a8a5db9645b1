using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Relay;

/// <summary>
/// completion/complete for an upstream prompt's argument (<c>ref/prompt</c> named <c>{namespace}_{prompt}</c>) or an
/// upstream template's variable (<c>ref/resource</c> with a <c>{namespace}+{template}</c> URI, or one offered under a
/// <c>ResourceUris</c> prefix; names as <see cref="RelayNames"/> maps them), relayed to the upstream
/// with the names it knows and governed as reading that upstream's prompts or resources. Anything else passes on to the
/// portal's own completions.
/// </summary>
internal static class CompletionRelayFilter
{
    public static McpRequestHandler<CompleteRequestParams, CompleteResult> Complete(
        McpRequestHandler<CompleteRequestParams, CompleteResult> next) =>
        async (request, cancellationToken) =>
        {
            var upstreams = ResourceRelayFilters.Upstreams(request);
            RelayUpstream? upstream = null;
            Reference? upstreamReference = null;
            switch (request.Params?.Ref)
            {
                case PromptReference prompt when RelayNames.TryParsePrompt(upstreams, prompt.Name, out var owner, out var upstreamPrompt):
                    (upstream, upstreamReference) = (owner, new PromptReference { Name = upstreamPrompt });
                    break;
                case ResourceTemplateReference { Uri: { } uri } when RelayNames.TryParseUri(upstreams, uri, out var owner, out var upstreamUri):
                    (upstream, upstreamReference) = (owner, new ResourceTemplateReference { Uri = upstreamUri });
                    break;
            }

            if (upstream is null || upstreamReference is null)
            {
                return await next(request, cancellationToken).ConfigureAwait(false);
            }

            using var inFlight = ResourceRelayFilters.InFlight(request, upstream);
            var governedAs = upstreamReference is PromptReference ? RelayGovernance.Prompt(upstream.Namespace) : RelayGovernance.Resource(upstream.Namespace);
            return await RelayGovernance.CompleteAsync(
                request,
                governedAs,
                (partial, token) => UpstreamRequests.SendAsync(
                    upstream,
                    RequestMethods.CompletionComplete,
                    // An upstream that offers no completions has none to give: no values, not an error.
                    (client, sendToken) => client.ServerCapabilities.Completions is null
                        ? ValueTask.FromResult(new CompleteResult { Completion = new Completion { Values = [] } })
                        : client.CompleteAsync(
                            new CompleteRequestParams
                            {
                                Ref = upstreamReference,
                                Argument = new Argument { Name = request.Params!.Argument.Name, Value = partial },
                                Context = request.Params.Context,
                            },
                            sendToken),
                    token),
                cancellationToken).ConfigureAwait(false);
        };
}
