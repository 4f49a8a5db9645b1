using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace McpPlatform.Hosting.Tests.HostApp;

/// <summary>An app's own logging provider (as OpenTelemetry's or Application Insights' would be): keeps every event it is given.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Events);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            events.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>One event a <see cref="CapturingLoggerProvider"/> was given.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception);
