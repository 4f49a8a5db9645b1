using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpPlatform.Portal.Relay;

/// <summary>
/// Gathers one list (resources, templates, prompts) from every upstream that may show it, in parallel, all pages of
/// each. An upstream that is down, slow or fails is left out of the list (and logged), never failing the whole list:
/// the caller still sees everything else.
/// </summary>
internal static partial class UpstreamLists
{
    // Bounds a misbehaving upstream that keeps returning cursors.
    private const int MaxPages = 20;

    public delegate ValueTask<(IEnumerable<T> Items, string? NextCursor)> PageReader<T>(McpClient client, string? cursor, CancellationToken cancellationToken);

    public static async Task<List<T>> GatherAsync<T>(
        IEnumerable<RelayUpstream> upstreams,
        Func<McpClient, bool> offers,
        string method,
        PageReader<T> readPage,
        Func<RelayUpstream, T, T> present,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var lists = await Task.WhenAll(upstreams.Select(upstream => ListOneAsync(upstream, offers, method, readPage, present, logger, cancellationToken))).ConfigureAwait(false);
        return [.. lists.SelectMany(list => list)];
    }

    private static async Task<List<T>> ListOneAsync<T>(
        RelayUpstream upstream,
        Func<McpClient, bool> offers,
        string method,
        PageReader<T> readPage,
        Func<RelayUpstream, T, T> present,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        if (upstream.Client() is not { } client || !offers(client))
        {
            return [];
        }

        try
        {
            return await UpstreamRequests.SendAsync(upstream, method, async (connected, token) =>
            {
                var items = new List<T>();
                string? cursor = null;
                for (var page = 0; page < MaxPages; page++)
                {
                    var (pageItems, next) = await readPage(connected, cursor, token).ConfigureAwait(false);
                    items.AddRange(pageItems.Select(item => present(upstream, item)));
                    if (string.IsNullOrEmpty(next) || next == cursor)
                    {
                        break;
                    }

                    cursor = next;
                }

                return items;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogLeftOut(logger, upstream.Namespace, method, e.Message);
            return [];
        }
    }

    [LoggerMessage(EventId = 16501, Level = LogLevel.Warning, Message = "Upstream {Upstream} left out of {Method}: {Reason}")]
    private static partial void LogLeftOut(ILogger logger, string upstream, string method, string reason);
}
