using System.Reflection;
using McpPlatform.Portal.Health;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Upstreams;

// Connecting, noticing the end of a session (process exit, transport closed, session lost) and reconnecting with
// exponential back-off: RestartDelay, doubled after each failed or short-lived session, up to MaxRestartDelay.
public sealed partial class UpstreamConnection
{
    private static readonly Implementation PortalClientInfo = new()
    {
        Name = "mcp-platform-portal",
        Version = typeof(UpstreamConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0",
    };

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        var delay = Options.RestartDelay;
        while (!stopping.IsCancellationRequested)
        {
            _health = new UpstreamHealth(UpstreamStates.Connecting, null);
            string reason;
            var connectedAt = (long?)null;
            Session? session = null;
            try
            {
                session = await ConnectAsync(stopping).ConfigureAwait(false);
                var reconnect = _reconnect = NewSignal();
                _session = session;
                connectedAt = _time.GetTimestamp();
                _health = new UpstreamHealth(UpstreamStates.Connected, null);
                LogConnected(_logger, Namespace, session.Process?.Id);
                _toolsChanged.Signal();

                await Task.WhenAny(session.Ended, reconnect.Task, Task.Delay(Timeout.Infinite, stopping)).ConfigureAwait(false);
                reason = session.Lost ? "the upstream no longer knows the session" : reconnect.Task.IsCompleted ? "the connection failed" : session.EndDescription;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                reason = "stopping";
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                reason = Describe(failure);
            }
            finally
            {
                _session = null;
                if (session is not null)
                {
                    await session.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (stopping.IsCancellationRequested)
            {
                break;
            }

            // A session that lasted resets the back-off; one that ended quickly (a crash loop) keeps doubling it.
            if (connectedAt is { } at && _time.GetElapsedTime(at) >= Options.MaxRestartDelay)
            {
                delay = Options.RestartDelay;
            }

            reason = _secrets.Redact(reason);
            _health = new UpstreamHealth(UpstreamStates.Down, $"{reason}; retrying in {delay.TotalSeconds:0.###} s");
            LogDown(_logger, Namespace, reason, delay);
            try
            {
                await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Options.MaxRestartDelay.Ticks));
        }

        _health = new UpstreamHealth(UpstreamStates.Stopped, null);
    }

    private async Task<Session> ConnectAsync(CancellationToken stopping)
    {
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        connectTimeout.CancelAfter(Options.ConnectTimeout);
        var token = connectTimeout.Token;

        var clientOptions = new McpClientOptions
        {
            ClientInfo = PortalClientInfo,
            InitializationTimeout = Options.ConnectTimeout,
            Handlers = new McpClientHandlers
            {
                NotificationHandlers =
                [
                    new(NotificationMethods.ToolListChangedNotification, (_, _) =>
                    {
                        _toolsChanged.Signal();
                        return ValueTask.CompletedTask;
                    }),
                ],
            },
        };
        foreach (var configurator in _configurators)
        {
            configurator.Configure(this, clientOptions);
        }

        StdioUpstreamProcess? process = null;
        IClientTransport transport;
        if (Options.Url is { } url)
        {
            transport = new HttpClientTransport(
                new HttpClientTransportOptions
                {
                    Endpoint = url,
                    Name = Namespace,
                    TransportMode = HttpTransportMode.StreamableHttp,
                    ConnectionTimeout = Options.ConnectTimeout,
                },
                _http!,
                _loggerFactory,
                ownsHttpClient: false);
        }
        else
        {
            process = await StdioUpstreamProcess.StartAsync(Namespace, Options, _contentRoot, _secrets, _logger, token).ConfigureAwait(false);
            transport = new StreamClientTransport(process.Input, new MessageSizeLimitedStream(process.Output, MessageLimit, OnOversized), _loggerFactory);
        }

        // Notifications are handed over in the order received, before the response that follows them (see InOrderNotifications).
        transport = new InOrderClientTransport(transport, _inOrder);
        try
        {
            var connecting = McpClient.CreateAsync(transport, clientOptions, _loggerFactory, token);
            if (process is not null && await Task.WhenAny(connecting, process.Exited).WaitAsync(token).ConfigureAwait(false) != connecting)
            {
                // Died before answering initialize: say why (exit code, last stderr line) rather than wait for the timeout.
                _ = connecting.ContinueWith(
                    static task => task.IsCompletedSuccessfully ? task.Result.DisposeAsync().AsTask() : Task.FromResult(task.Exception),
                    CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                throw new UpstreamException(Namespace, await process.DescribeExitAsync().ConfigureAwait(false));
            }

            var client = await connecting.WaitAsync(token).ConfigureAwait(false);
            return new Session(client, process);
        }
        catch (Exception failure) when (failure is not UpstreamException && !stopping.IsCancellationRequested)
        {
            // A process that died makes the handshake fail (pipe closed) a moment before its exit is seen: wait for it
            // briefly, so the reason given is its exit code and last stderr line rather than "the server shut down".
            string? exit = null;
            if (process is not null)
            {
                try
                {
                    await process.Exited.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
                    exit = await process.DescribeExitAsync().ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // still running: it is the handshake that failed
                }

                await process.DisposeAsync().ConfigureAwait(false);
            }

            if (exit is not null)
            {
                throw new UpstreamException(Namespace, exit, failure);
            }

            if (failure is OperationCanceledException)
            {
                throw new UpstreamException(Namespace, $"no answer to initialize within {Options.ConnectTimeout.TotalSeconds:0.###} s (ConnectTimeout)", failure);
            }

            throw;
        }
        catch
        {
            if (process is not null)
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private void RequestReconnect(Session session)
    {
        if (ReferenceEquals(_session, session))
        {
            _reconnect.TrySetResult();
        }
    }

    // The health detail: what went wrong, without secrets (values read for this upstream are scrubbed) or long traces.
    private string Describe(Exception failure)
    {
        var message = failure switch
        {
            UpstreamException upstream => upstream.Message,
            HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status} ({status})",
            HttpRequestException http => $"cannot connect ({http.HttpRequestError})",
            _ => failure.Message,
        };
        message = _secrets.Redact(message);
        return message.Length > 300 ? message[..300] + "..." : message;
    }

    [LoggerMessage(EventId = 9120, Level = LogLevel.Information, Message = "Upstream {Upstream}: connected (process {ProcessId})")]
    private static partial void LogConnected(ILogger logger, string upstream, int? processId);

    [LoggerMessage(EventId = 9121, Level = LogLevel.Warning, Message = "Upstream {Upstream} is down: {Reason}; retrying in {Delay}")]
    private static partial void LogDown(ILogger logger, string upstream, string reason, TimeSpan delay);

    /// <summary>One connected session: the client and, for a local upstream, its process.</summary>
    private sealed class Session(McpClient client, StdioUpstreamProcess? process) : IAsyncDisposable
    {
        public McpClient Client { get; } = client;

        public StdioUpstreamProcess? Process { get; } = process;

        /// <summary>The upstream said it no longer knows this session.</summary>
        public bool Lost
        {
            get => Volatile.Read(ref _lost);
            set => Volatile.Write(ref _lost, value);
        }

        private bool _lost;

        /// <summary>Completes when the session is over: the process exited or the transport closed.</summary>
        public Task Ended { get; } = process is null ? client.Completion : Task.WhenAny(process.Exited, client.Completion);

        public string EndDescription
        {
            get
            {
                if (Process is { Exited.IsCompleted: true })
                {
                    return Process.ExitDescription;
                }

                return Client.Completion is { IsCompletedSuccessfully: true } completion && completion.Result.Exception is { } failure
                    ? "the connection closed: " + failure.Message
                    : "the connection closed";
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                // Bounded: a wedged transport must not hold up the restart or the portal's stop.
                await Client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                // the session is being thrown away either way
            }

            if (Process is not null)
            {
                await Process.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
