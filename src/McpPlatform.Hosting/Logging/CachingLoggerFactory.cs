using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace McpPlatform.Hosting.Logging;

/// <summary>
/// Hands out one logger per category. Serilog's logger factory builds a new logger on every
/// call, and ASP.NET Core asks for one each time it creates a per-request component such as an
/// authentication handler.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
