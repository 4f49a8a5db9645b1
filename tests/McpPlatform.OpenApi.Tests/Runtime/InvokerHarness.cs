using System.Collections.Concurrent;
using System.Text.Json;
using McpPlatform.Governance.Secrets;
using McpPlatform.Governance.Tools;
using McpPlatform.OpenApi.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpPlatform.OpenApi.Tests.Runtime;

/// <summary>
/// The invoker wired as a server wires it (<see cref="OpenApiServices.AddOpenApiClient"/>: named HttpClient, resilience
/// handler, validated settings) against the loopback API, with an in-memory secret store and every log line captured.
/// </summary>
internal sealed class InvokerHarness : IAsyncDisposable
{
    public const string Namespace = "inv";

    private readonly ServiceProvider _services;

    private InvokerHarness(ServiceProvider services, LoopbackApi api, IReadOnlyList<ApiOperation> operations, string? secretName, ConcurrentQueue<string> logs)
    {
        _services = services;
        Logs = logs;
        Api = api;
        Operations = operations;
        SecretName = secretName;
    }

    public LoopbackApi Api { get; }

    public IReadOnlyList<ApiOperation> Operations { get; }

    public string? SecretName { get; }

    /// <summary>Every log line of every category, with its exception.</summary>
    public ConcurrentQueue<string> Logs { get; }

    public OpenApiInvoker Invoker => _services.GetRequiredService<OpenApiInvoker>();

    public static async Task<InvokerHarness> StartAsync(Action<OpenApiApiOptions>? configure = null, IReadOnlyDictionary<string, string>? secrets = null)
    {
        var api = await LoopbackApi.StartAsync();
        var logs = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new QueueLoggerProvider(logs)));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<ISecretProvider>(new MemorySecrets(secrets ?? new Dictionary<string, string>()));
        services.AddOptions<SecretsOptions>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SecretAccess>();
        services.AddOpenApiClient(Namespace, options =>
        {
            options.BaseUrl = api.BaseUrl;
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider();
        var settings = provider.GetRequiredService<IOptionsMonitor<OpenApiApiOptions>>().Get(Namespace);
        var secretName = settings.Credential.Kind == OpenApiCredentialKind.None ? null : settings.Credential.Secret;
        return new InvokerHarness(provider, api, OpenApiOperationCatalog.Load(LoopbackApi.DocumentPath), secretName, logs);
    }

    public McpToolDescriptor Descriptor(string operation)
    {
        var descriptor = Operations.Named(operation).ToDescriptor(Namespace);
        return SecretName is null ? descriptor : descriptor with { Secrets = [SecretName] };
    }

    public Task<ApiResponse> CallAsync(string operation, string argumentsJson = "{}", CancellationToken cancellationToken = default) =>
        Invoker.InvokeAsync(Namespace, Operations.Named(operation), Descriptor(operation), Arguments(argumentsJson), cancellationToken);

    public static Dictionary<string, JsonElement> Arguments(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Api.DisposeAsync();
    }

    private sealed class MemorySecrets(IReadOnlyDictionary<string, string> values) : ISecretProvider
    {
        public string Name => "memory";

        public ValueTask<SecretValue?> GetSecretAsync(string name, CancellationToken cancellationToken) =>
            ValueTask.FromResult(values.TryGetValue(name, out var value) ? new SecretValue(value, "1") : null);
    }
}

/// <summary>Writes every log entry (message, exception, structured values) into a queue the test searches.</summary>
internal sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class QueueLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
        }
    }
}
