using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Health;
using McpPlatform.Portal.Upstreams;

namespace McpPlatform.Portal.Relay;

/// <summary>The portal's upstream connections as the relay sees them.</summary>
internal sealed class UpstreamRegistryRelayUpstreams(UpstreamRegistry registry) : IRelayUpstreams
{
    public IReadOnlyList<RelayUpstream> Upstreams { get; } =
    [
        .. registry.All.Select(connection => new RelayUpstream(
            connection.Namespace,
            connection.Options.Timeout,

            // An open circuit refuses relayed requests as it refuses tool calls: the upstream is failing, don't pile on.
            () => connection.Health.State == UpstreamStates.Connected ? connection.Client : null,
            () => connection.Health.Detail ?? connection.Health.State,
            connection.Options.MaxResultBytes,
            connection.Options.PromptAliases,
            UriMappings(connection.Options.ResourceUris))),
    ];

    // Start-up validation refuses empty and repeated prefixes; first wins here only so a bad entry can never throw.
    private static Dictionary<string, string> UriMappings(IEnumerable<ResourceUriMapping>? mappings) =>
        (mappings ?? [])
            .Where(m => !string.IsNullOrEmpty(m.Upstream) && !string.IsNullOrEmpty(m.Offered))
            .GroupBy(m => m.Upstream, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Offered, StringComparer.Ordinal);
}
