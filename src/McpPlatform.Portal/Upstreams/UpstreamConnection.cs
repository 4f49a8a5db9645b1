// CONTRACT SKELETON (lead): the upstreams helper replaces every body; the signatures are what the rest of the portal codes against.
#pragma warning disable CS0067 // skeleton
using System.Text.Json;
using McpPlatform.Portal.Configuration;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Upstreams;

/// <summary>The portal's live connection to one upstream MCP server, reconnecting (and, for stdio, restarting) as needed.</summary>
public sealed class UpstreamConnection : IAsyncDisposable
{
    /// <summary>Creates the connection of <paramref name="namespace"/> (not yet started); services supply the secret store, logging and time.</summary>
    public UpstreamConnection(string @namespace, UpstreamOptions options, IServiceProvider services)
    {
        Namespace = @namespace;
        Options = options;
        _ = services;
    }

    /// <summary>The namespace (configuration key).</summary>
    public string Namespace { get; }

    /// <summary>The upstream's options.</summary>
    public UpstreamOptions Options { get; }

    /// <summary>Current state, for readiness and error messages.</summary>
    public UpstreamHealth Health { get; private set; } = new("connecting", null);

    /// <summary>The connected client (for resources, prompts, completions relay); null while not connected.</summary>
    public McpClient? Client => null;

    /// <summary>Raised when the upstream's tool list may have changed: connected/reconnected, list_changed (rate limited), refresh interval.</summary>
    public event Func<UpstreamConnection, Task>? ToolsChanged;

    /// <summary>Starts connecting in the background; never throws for an unreachable upstream (Health says why).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The upstream's tools/list (all pages). Throws <see cref="UpstreamException"/> naming the upstream when it cannot answer.</summary>
    public ValueTask<IReadOnlyList<Tool>> ListToolsAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>
    /// Calls one tool by its upstream name within <see cref="UpstreamOptions.Timeout"/>, through the circuit breaker, with the
    /// credentials configured (<paramref name="callerToken"/> only for token exchange; never forwarded as is).
    /// Throws <see cref="UpstreamException"/> naming the upstream on timeout, transport failure, open circuit, oversized result.
    /// </summary>
    public ValueTask<CallToolResult> CallToolAsync(
        string upstreamTool, IReadOnlyDictionary<string, JsonElement>? arguments, string? callerToken, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Health = new("stopped", null);
        return ValueTask.CompletedTask;
    }
}

/// <summary>An upstream's state.</summary>
/// <param name="State">connecting, connected, down, circuit-open, stopped.</param>
/// <param name="Detail">Why, when not connected (never a secret).</param>
public sealed record UpstreamHealth(string State, string? Detail);

/// <summary>An upstream could not answer; the message names the upstream and what went wrong, never a credential.</summary>
public sealed class UpstreamException(string upstream, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The upstream's namespace.</summary>
    public string Upstream { get; } = upstream;
}
