using ModelContextProtocol.Client;

namespace McpPlatform.Portal.Relay;

/// <summary>
/// The upstreams as the relay of resources, prompts and completions sees them: only what it needs, so it does not
/// depend on how connections are made (the portal adapts its upstream registry to it).
/// </summary>
public interface IRelayUpstreams
{
    /// <summary>Every configured upstream, connected or not.</summary>
    IReadOnlyList<RelayUpstream> Upstreams { get; }
}

/// <summary>One upstream for the relay.</summary>
/// <param name="Namespace">The upstream's namespace: the prefix of its resource URIs and prompt names at the portal.</param>
/// <param name="Timeout">How long one relayed request may take before the caller gets an error naming the upstream.</param>
/// <param name="Client">The connected client, or null while the upstream is not connected.</param>
/// <param name="DownDetail">Why the upstream is not connected, for the error the caller reads (never a secret).</param>
/// <param name="MaxResultBytes">The largest answer (UTF-8 JSON bytes) relayed; a larger one becomes an error naming the upstream.</param>
/// <param name="PromptAliases">Names to offer prompts under instead of their own (upstream name to offered name, after the namespace).</param>
/// <param name="ResourceUris">Upstream URI prefixes offered under another prefix instead of <c>{namespace}+</c> (upstream prefix to offered prefix).</param>
public sealed record RelayUpstream(
    string Namespace,
    TimeSpan Timeout,
    Func<McpClient?> Client,
    Func<string?> DownDetail,
    long MaxResultBytes = 4 * 1024 * 1024,
    IReadOnlyDictionary<string, string>? PromptAliases = null,
    IReadOnlyDictionary<string, string>? ResourceUris = null);
