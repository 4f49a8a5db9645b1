using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var echo = new HeaderEchoServer(app);
        app.MapGet("/echo", (HttpRequest request) =>
        {
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            echo._requests.Enqueue(headers);
            return Results.Json(headers);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        echo.EchoUri = new Uri(new Uri(address), "/echo");
        return echo;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
