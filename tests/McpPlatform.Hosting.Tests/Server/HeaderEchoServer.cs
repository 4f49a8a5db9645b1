using System.Collections.Concurrent;
using McpPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace McpPlatform.Hosting.Tests.Server;

/// <summary>
/// A downstream service on 127.0.0.1 that a tool calls: it answers GET /echo with the request
/// headers it received, as JSON, and keeps them for the test.
/// </summary>
public sealed class HeaderEchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();

    private HeaderEchoServer(WebApplication app) => _app = app;

    /// <summary>The echo endpoint.</summary>
    public Uri EchoUri { get; private set; } = null!;

    /// <summary>The headers of every request received, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests => [.. _requests];

    public static async Task<HeaderEchoServer> StartAsync()
    {
        var app = LoopbackWebApp.Create(typeof(HeaderEchoServer).Assembly.GetName().Name!);
        var echo = new HeaderEchoServer(app);
        app.MapGet("/echo", (HttpRequest request) =>
        {
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            echo._requests.Enqueue(headers);
            return Results.Json(headers);
        });
        await app.StartAsync();
        echo.EchoUri = new Uri(LoopbackWebApp.BoundAddress(app, "The header echo server"), "/echo");
        return echo;
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackWebApp.StopAsync(_app);
        await _app.DisposeAsync();
    }
}
