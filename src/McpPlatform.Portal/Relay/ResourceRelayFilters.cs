using System.Text.Json;
using McpPlatform.Hosting.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Relay;

/// <summary>
/// resources/list, resources/templates/list and resources/read for upstream resources. Outermost filters: the lists
/// take the portal's own (governed) items and add each readable upstream's, namespaced (<see cref="RelayNames"/>); a
/// read of a namespaced URI is answered here through the gate (<see cref="RelayGovernance"/>) and never reaches the
/// platform's filter, which serves only the portal's own catalog.
/// </summary>
internal static class ResourceRelayFilters
{
    public static McpRequestHandler<ListResourcesRequestParams, ListResourcesResult> ListResources(
        McpRequestHandler<ListResourcesRequestParams, ListResourcesResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken).ConfigureAwait(false);
            if (request.Params?.Cursor is not null)
            {
                return result; // upstream items come with the first page
            }

            var relayed = await UpstreamLists.GatherAsync<Resource>(
                Readable(request),
                client => client.ServerCapabilities.Resources is not null,
                RequestMethods.ResourcesList,
                async (client, cursor, token) =>
                {
                    var page = await client.ListResourcesAsync(new ListResourcesRequestParams { Cursor = cursor }, token).ConfigureAwait(false);
                    return ((IEnumerable<Resource>)page.Resources, page.NextCursor);
                },
                static (upstream, resource) =>
                {
                    resource.Uri = RelayNames.Uri(upstream, resource.Uri);
                    return resource;
                },
                Logger(request),
                cancellationToken).ConfigureAwait(false);
            result.Resources = [.. result.Resources, .. relayed];
            return result;
        };

    public static McpRequestHandler<ListResourceTemplatesRequestParams, ListResourceTemplatesResult> ListResourceTemplates(
        McpRequestHandler<ListResourceTemplatesRequestParams, ListResourceTemplatesResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken).ConfigureAwait(false);
            if (request.Params?.Cursor is not null)
            {
                return result;
            }

            var relayed = await UpstreamLists.GatherAsync<ResourceTemplate>(
                Readable(request),
                client => client.ServerCapabilities.Resources is not null,
                RequestMethods.ResourcesTemplatesList,
                async (client, cursor, token) =>
                {
                    var page = await client.ListResourceTemplatesAsync(new ListResourceTemplatesRequestParams { Cursor = cursor }, token).ConfigureAwait(false);
                    return ((IEnumerable<ResourceTemplate>)page.ResourceTemplates, page.NextCursor);
                },
                static (upstream, template) =>
                {
                    template.UriTemplate = RelayNames.Uri(upstream, template.UriTemplate);
                    return template;
                },
                Logger(request),
                cancellationToken).ConfigureAwait(false);
            result.ResourceTemplates = [.. result.ResourceTemplates, .. relayed];
            return result;
        };

    public static McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> ReadResource(
        McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> next) =>
        async (request, cancellationToken) =>
        {
            var upstreams = Upstreams(request);
            if (request.Params?.Uri is not { } uri || !RelayNames.TryParseUri(upstreams, uri, out var upstream, out var upstreamUri))
            {
                return await next(request, cancellationToken).ConfigureAwait(false);
            }

            using var inFlight = InFlight(request, upstream);

            // The one thing an upstream resource read hands the data rules: the upstream's URI (ids, e-mail addresses in paths).
            var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["uri"] = JsonSerializer.SerializeToElement(upstreamUri) };
            return await RelayGovernance.ReadAsync(
                request,
                RelayGovernance.Resource(upstream.Namespace),
                arguments,
                (_, token) => UpstreamRequests.SendAsync(
                    upstream,
                    RequestMethods.ResourcesRead,
                    async (client, sendToken) => Namespaced(upstream, await client.ReadResourceAsync(
                        new ReadResourceRequestParams { Uri = upstreamUri, Meta = request.Params.Meta }, sendToken).ConfigureAwait(false)),
                    token),
                GovernedContents.AsToolResult,
                GovernedContents.Redacted,
                cancellationToken).ConfigureAwait(false);
        };

    /// <summary>
    /// resources/subscribe to an upstream resource: refused in words, since the portal does not relay the upstream's
    /// update notifications (the SDK's default would accept it and never notify).
    /// </summary>
    public static McpRequestHandler<SubscribeRequestParams, EmptyResult> Subscribe(
        McpRequestHandler<SubscribeRequestParams, EmptyResult> next) =>
        (request, cancellationToken) =>
            request.Params?.Uri is { } uri && RelayNames.TryParseUri(Upstreams(request), uri, out var upstream, out _)
                ? throw new McpProtocolException(
                    $"Subscriptions to resources of upstream '{upstream.Namespace}' are not relayed by this portal; read the resource again instead.",
                    McpErrorCode.InvalidRequest)
                : next(request, cancellationToken);

    /// <summary>Contents carry the URI they were read from: the caller asked with the portal's, so it gets the portal's.</summary>
    private static ReadResourceResult Namespaced(RelayUpstream upstream, ReadResourceResult read)
    {
        foreach (var contents in read.Contents)
        {
            contents.Uri = RelayNames.Uri(upstream, contents.Uri);
        }

        return read;
    }

    private static IEnumerable<RelayUpstream> Readable<TParams>(RequestContext<TParams> request)
    {
        var visible = RelayGovernance.Visibility(request);
        return Upstreams(request).Where(upstream => visible(RelayGovernance.Resource(upstream.Namespace)));
    }

    /// <summary>Marks the read in flight, so an elicitation request or log message the upstream sends meanwhile finds this caller.</summary>
    internal static RelayCall? InFlight<TParams>(RequestContext<TParams> request, RelayUpstream upstream) =>
        RelayGovernance.Services(request).GetService<RelayCalls>()?.Begin(upstream.Namespace, request.Server, progressToken: null);

    internal static IReadOnlyList<RelayUpstream> Upstreams<TParams>(RequestContext<TParams> request) =>
        RelayGovernance.Services(request).GetService<IRelayUpstreams>()?.Upstreams ?? [];

    internal static ILogger Logger<TParams>(RequestContext<TParams> request) =>
        RelayGovernance.Services(request).GetRequiredService<ILoggerFactory>().CreateLogger("McpPlatform.Portal.Relay");
}
