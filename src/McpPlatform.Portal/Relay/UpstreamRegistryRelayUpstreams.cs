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
            connection.Options.ResourceUris)),
    ];
}
