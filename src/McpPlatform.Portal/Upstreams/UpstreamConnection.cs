using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using McpPlatform.Governance.Secrets;
using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Credentials;
using McpPlatform.Portal.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// The portal's live connection to one upstream MCP server, reconnecting (and, for stdio, restarting) as needed.
/// Every request is bounded by <see cref="UpstreamOptions.Timeout"/> and goes through the circuit breaker; every
/// failure is an <see cref="UpstreamException"/> naming the upstream, never a hung request or a leaked secret.
/// </summary>
public sealed partial class UpstreamConnection : IAsyncDisposable
{
    private static readonly JsonTypeInfo<CallToolResult> ResultJson =
        (JsonTypeInfo<CallToolResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult));

    private readonly UpstreamSecrets _secrets;
    private readonly CircuitBreaker _breaker;
    private readonly ToolsChangedSignal _toolsChanged;
    private readonly IUpstreamClientConfigurator[] _configurators;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _contentRoot;
    private readonly CancellationTokenSource _stopping = new();
    private readonly InOrderNotifications _inOrder = new();
    private readonly HttpClient? _http;
    private readonly HttpClient? _tokenHttp;
    private volatile Session? _session;
    private volatile UpstreamHealth _health = new(UpstreamStates.Connecting, "not started");
    private TaskCompletionSource _reconnect = NewSignal();
    private Task _running = Task.CompletedTask;
    private int _started;
    private int _oversized;
    private int _disposed;

    /// <summary>
    /// Creates the connection of <paramref name="namespace"/> (not yet started). <paramref name="services"/> supplies,
    /// when registered, the secret store (<see cref="ISecretProvider"/>, <see cref="SecretsOptions"/>), logging, the
    /// <see cref="TimeProvider"/>, the content root (the default working directory of a launched upstream) and every
    /// <see cref="IUpstreamClientConfigurator"/>.
    /// </summary>
    public UpstreamConnection(string @namespace, UpstreamOptions options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        Namespace = @namespace;
        Options = options;
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger("McpPlatform.Portal.Upstreams." + @namespace);
        _contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        _configurators = [.. services.GetServices<IUpstreamClientConfigurator>()];
        var secretsOptions = services.GetService<IOptions<SecretsOptions>>()?.Value ?? new SecretsOptions();
        _secrets = new UpstreamSecrets(@namespace, () => services.GetService<ISecretProvider>(), secretsOptions, _time);
        _breaker = new CircuitBreaker(Math.Max(1, options.BreakAfterFailures), options.BreakDuration, _time);
        _toolsChanged = new ToolsChangedSignal(RaiseToolsChangedAsync, ToolsChangedWindow, _time);

        if (options.Url is not null)
        {
            var credentials = options.Credentials ?? new UpstreamCredentialOptions();
            TokenEndpointClient? tokens = null;
            if (credentials.TokenEndpoint is not null)
            {
                _tokenHttp = new HttpClient { Timeout = options.ConnectTimeout };
                tokens = new TokenEndpointClient(@namespace, credentials, _secrets, _tokenHttp, _time);
            }

            // No overall HttpClient timeout: the notification stream is long-lived; each request is bounded by Timeout here.
            _http = new HttpClient(new UpstreamCredentialHandler(credentials, _secrets, tokens)
            {
                InnerHandler = new SessionRejectedHandler(OnSessionRejected)
                {
                    InnerHandler = new MessageSizeLimitHandler(MessageLimit, OnOversized)
                    {
                        InnerHandler = new SocketsHttpHandler { ConnectTimeout = options.ConnectTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
                    },
                },
            })
            { Timeout = Timeout.InfiniteTimeSpan };
        }
    }

    /// <summary>The namespace (configuration key).</summary>
    public string Namespace { get; }

    /// <summary>The upstream's options.</summary>
    public UpstreamOptions Options { get; }

    /// <summary>Current state, for readiness and error messages.</summary>
    public UpstreamHealth Health
    {
        get
        {
            var health = _health;
            if (health.State == UpstreamStates.Connected && _breaker.IsOpen)
            {
                return new UpstreamHealth(UpstreamStates.CircuitOpen, $"{Options.BreakAfterFailures} consecutive failures; calls are refused until {_breaker.OpenUntil:u}");
            }

            return health;
        }
    }

    /// <summary>The connected client (for resources, prompts, completions relay); null while not connected.</summary>
    public McpClient? Client => _session?.Client;

    /// <summary>The process id of a running local upstream; null for a remote one or while it is not running.</summary>
    public int? ProcessId => _session?.Process?.Id;

    /// <summary>The longest single message read from the upstream (see <see cref="MessageSizeLimitedStream"/>).</summary>
    internal long MessageLimit => MessageSizeLimitedStream.LimitFor(Options.MaxResultBytes);

    /// <summary>The shortest time between two <see cref="ToolsChanged"/> events (a flood of list_changed is coalesced).</summary>
    internal static TimeSpan ToolsChangedWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Raised when the upstream's tool list may have changed: connected/reconnected, list_changed (rate limited), refresh interval.</summary>
    public event Func<UpstreamConnection, Task>? ToolsChanged;

    /// <summary>Starts connecting in the background; never throws for an unreachable upstream (Health says why).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return Task.CompletedTask;
        }

        var stopping = _stopping.Token;
        _running = Task.WhenAll(
            Task.Run(() => SuperviseAsync(stopping), CancellationToken.None),
            Task.Run(() => _toolsChanged.RunAsync(stopping), CancellationToken.None),
            Task.Run(() => RefreshPeriodicallyAsync(stopping), CancellationToken.None));
        return Task.CompletedTask;
    }

    /// <summary>The upstream's tools/list (all pages). Throws <see cref="UpstreamException"/> naming the upstream when it cannot answer.</summary>
    public async ValueTask<IReadOnlyList<Tool>> ListToolsAsync(CancellationToken cancellationToken)
    {
        var tools = await SendAsync("tools/list", async (client, token) =>
        {
            var listed = await client.ListToolsAsync(cancellationToken: token).ConfigureAwait(false);
            return listed.Select(tool => tool.ProtocolTool).ToList();
        }, cancellationToken).ConfigureAwait(false);
        return tools;
    }

    /// <summary>
    /// Calls one tool by its upstream name within <see cref="UpstreamOptions.Timeout"/>, through the circuit breaker, with the
    /// credentials configured (<paramref name="callerToken"/> only for token exchange; never forwarded as is).
    /// Throws <see cref="UpstreamException"/> naming the upstream on timeout, transport failure, open circuit, oversized result.
    /// </summary>
    public async ValueTask<CallToolResult> CallToolAsync(
        string upstreamTool, IReadOnlyDictionary<string, JsonElement>? arguments, string? callerToken, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upstreamTool);
        var what = $"tools/call '{upstreamTool}'";
        var request = new CallToolRequestParams
        {
            Name = upstreamTool,
            Arguments = arguments?.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
        };

        // Progress is reported by the connection's read pump, in order and before the response is seen, rather than by
        // the SDK's per-message handler, which may run after the call completed (see InOrderNotifications).
        using var tracked = progress is null ? null : TrackProgress(request, progress);
        var result = await SendAsync(what, async (client, token) =>
        {
            // The caller's token reaches only the credential handler, which exchanges it (TokenExchange) or ignores it.
            using var caller = UpstreamCallContext.Enter(callerToken);
            return await client.CallToolAsync(request, token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        if (result is null)
        {
            throw new UpstreamException(Namespace, $"Upstream '{Namespace}' answered {what} with no result.");
        }

        var size = JsonSerializer.SerializeToUtf8Bytes(result, ResultJson).LongLength;
        if (size > Options.MaxResultBytes)
        {
            throw new UpstreamException(Namespace, $"Upstream '{Namespace}' answered {what} with {size} bytes, more than its limit of {Options.MaxResultBytes} (MaxResultBytes); the result was dropped.");
        }

        return result;
    }

    /// <summary>
    /// Calls <paramref name="handler"/> for each notification <paramref name="method"/> of this upstream on the connection's
    /// read pump: in the order received and before any response that follows it. It must only enqueue, never wait.
    /// </summary>
    internal void HandleInOrder(string method, Action<JsonRpcNotification> handler) => _inOrder.Handle(method, handler);

    private IDisposable TrackProgress(CallToolRequestParams request, IProgress<ProgressNotificationValue> progress)
    {
        var token = "portal-" + Guid.NewGuid().ToString("N");
        request.Meta = new System.Text.Json.Nodes.JsonObject { ["progressToken"] = token };
        return _inOrder.TrackProgress(token, progress);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogSlowStop(_logger, Namespace);
        }

        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync().ConfigureAwait(false);
        }

        _health = new UpstreamHealth(UpstreamStates.Stopped, null);
        _http?.Dispose();
        _tokenHttp?.Dispose();
        _stopping.Dispose();
    }

    private async ValueTask<T> SendAsync<T>(string what, Func<McpClient, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        if (!_breaker.TryEnter(out _))
        {
            throw new UpstreamException(Namespace, $"Upstream '{Namespace}' is failing: its circuit is open until {_breaker.OpenUntil:u} after {Options.BreakAfterFailures} consecutive failures; {what} was not sent.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        Session? session = null;
        try
        {
            session = _session;
            for (var attempt = 0; ; attempt++)
            {
                if (session is null)
                {
                    _breaker.Abandoned();
                    var health = Health;
                    throw new UpstreamException(Namespace, $"Upstream '{Namespace}' is not connected ({health.State}{(health.Detail is null ? "" : ": " + health.Detail)}); {what} was not sent.");
                }

                try
                {
                    // WaitAsync as well as the token: the answer is awaited no longer than the timeout even if the transport ignores it.
                    var result = await send(session.Client, timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
                    _breaker.Succeeded();
                    return result;
                }
                catch (McpProtocolException) when (attempt == 0 && session.Lost)
                {
                    // The upstream refused the request because it no longer knows the session, so it did not run it:
                    // sending it again in the new session is safe.
                    session = await NextSessionAsync(session, timeout.Token).ConfigureAwait(false);
                }
            }
        }
        catch (UpstreamException) when (session is null)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _breaker.Abandoned();
            throw;
        }
        catch (Exception failure) when (Interlocked.Exchange(ref _oversized, 0) == 1 && failure is not OutOfMemoryException)
        {
            // The transport was cut under a message too large to hold; the session restarts.
            Failed(what, failure);
            RequestReconnect(session!);
            throw new UpstreamException(Namespace, $"Upstream '{Namespace}' sent a message of more than {MessageLimit} bytes (4 x MaxResultBytes, at least 1 MiB more) during {what}; the connection is being reset.", failure);
        }
        catch (OperationCanceledException failure)
        {
            Failed(what, failure);
            throw new UpstreamException(Namespace, $"Upstream '{Namespace}' did not answer {what} within {Options.Timeout.TotalSeconds:0.###} s (Timeout).", failure);
        }
        catch (McpProtocolException failure)
        {
            // A JSON-RPC error is an answer: the upstream is alive, the request was refused.
            _breaker.Succeeded();
            throw new UpstreamException(Namespace, $"Upstream '{Namespace}' refused {what}: {_secrets.Redact(failure.Message)}", failure);
        }
        catch (UpstreamException failure)
        {
            Failed(what, failure);
            throw;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            Failed(what, failure);
            if (IsTransportFailure(failure))
            {
                RequestReconnect(session!);
            }

            var reason = failure is JsonException ? "a malformed answer" : _secrets.Redact(failure.Message);
            throw new UpstreamException(Namespace, $"Upstream '{Namespace}' failed {what}: {reason}", failure);
        }
    }

    // The session after <paramref name="lost"/>, once connected; null when the portal is stopping.
    private async Task<Session?> NextSessionAsync(Session lost, CancellationToken cancellationToken)
    {
        while (_session is not { } next || ReferenceEquals(next, lost))
        {
            if (_disposed == 1)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken).ConfigureAwait(false);
        }

        return _session;
    }

    private void OnSessionRejected(string sessionId)
    {
        if (_session is { } current && string.Equals(current.Client.SessionId, sessionId, StringComparison.Ordinal))
        {
            current.Lost = true;
            RequestReconnect(current);
        }
    }

    private void OnOversized() => Interlocked.Exchange(ref _oversized, 1);

    private void Failed(string what, Exception failure)
    {
        if (_breaker.Failed())
        {
            LogCircuitOpened(_logger, Namespace, what, failure.GetType().Name);
        }
    }

    private static bool IsTransportFailure(Exception failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or IOException or ClientTransportClosedException or ObjectDisposedException)
            {
                return true;
            }
        }

        return false;
    }

    private async Task RaiseToolsChangedAsync()
    {
        if (ToolsChanged is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<UpstreamConnection, Task>>())
        {
            try
            {
                await handler(this).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                // A subscriber's failure must not stop the others or the connection.
                LogToolsChangedHandlerFailed(_logger, Namespace, failure);
            }
        }
    }

    private async Task RefreshPeriodicallyAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Options.RefreshInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                if (_session is not null)
                {
                    _toolsChanged.Signal();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopped
        }
    }

    [LoggerMessage(EventId = 9110, Level = LogLevel.Warning, Message = "Upstream {Upstream}: circuit opened after {Request} failed ({Failure})")]
    private static partial void LogCircuitOpened(ILogger logger, string upstream, string request, string failure);

    [LoggerMessage(EventId = 9111, Level = LogLevel.Warning, Message = "Upstream {Upstream}: a ToolsChanged handler failed")]
    private static partial void LogToolsChangedHandlerFailed(ILogger logger, string upstream, Exception failure);

    [LoggerMessage(EventId = 9112, Level = LogLevel.Warning, Message = "Upstream {Upstream}: did not stop within 10 s")]
    private static partial void LogSlowStop(ILogger logger, string upstream);
}

/// <summary>An upstream's state.</summary>
/// <param name="State">connecting, connected, down, circuit-open, stopped (<see cref="UpstreamStates"/>).</param>
/// <param name="Detail">Why, when not connected (never a secret).</param>
public sealed record UpstreamHealth(string State, string? Detail);

/// <summary>An upstream could not answer; the message names the upstream and what went wrong, never a credential.</summary>
public sealed class UpstreamException(string upstream, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The upstream's namespace.</summary>
    public string Upstream { get; } = upstream;
}
