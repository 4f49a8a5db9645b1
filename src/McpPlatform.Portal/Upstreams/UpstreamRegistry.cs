using McpPlatform.Portal.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// Every configured upstream's connection, by namespace. Built from <see cref="PortalOptions.Upstreams"/> once; started
/// with the host (connecting in the background, so an unreachable upstream never holds up start-up) and disposed when
/// the host stops (so no launched upstream process outlives the portal).
/// </summary>
public sealed class UpstreamRegistry : IHostedService, IAsyncDisposable
{
    private readonly Dictionary<string, UpstreamConnection> _byNamespace;
    private int _disposed;

    /// <summary>Creates one connection per configured upstream (not yet started).</summary>
    public UpstreamRegistry(IOptions<PortalOptions> options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        _byNamespace = new Dictionary<string, UpstreamConnection>(StringComparer.Ordinal);
        foreach (var (name, upstream) in options.Value.Upstreams.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            _byNamespace[name] = new UpstreamConnection(name, upstream, services);
        }

        All = [.. _byNamespace.Values];
    }

    /// <summary>Every upstream, ordered by namespace.</summary>
    public IReadOnlyList<UpstreamConnection> All { get; }

    /// <summary>The upstream of <paramref name="namespace"/>, when one is configured.</summary>
    public bool TryGet(string @namespace, out UpstreamConnection connection) =>
        _byNamespace.TryGetValue(@namespace, out connection!);

    /// <summary>Starts connecting to every upstream; returns without waiting for any of them to answer.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var connection in All)
        {
            await connection.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Disconnects every upstream and stops the processes the portal launched.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // In parallel: each stop is bounded, and a slow one must not delay the others' processes going away.
        await Task.WhenAll(All.Select(connection => connection.DisposeAsync().AsTask())).ConfigureAwait(false);
    }
}
