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

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>
/// A downstream service on 127.0.0.1 whose GET /hold answers only when the test releases it, so
/// a tool call (fetch_url) stays in flight for as long as the test needs, without sleeping.
/// </summary>
public sealed class HeldResponseServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _lock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _arrived;

    private HeldResponseServer(WebApplication app) => _app = app;

    public Uri HoldUri { get; private set; } = null!;

    public static async Task<HeldResponseServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var held = new HeldResponseServer(app);
        app.MapGet("/hold", async () =>
        {
            held.Arrive();
            await held._release.Task;
            return Results.Text("released");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        held.HoldUri = new Uri(new Uri(address), "/hold");
        return held;
    }

    /// <summary>Completes once <paramref name="count"/> requests are being held.</summary>
    public Task Reached(int count)
    {
        lock (_lock)
        {
            if (_arrived >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>Answers every held request, and every later one at once.</summary>
    public void Release() => _release.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Arrive()
    {
        lock (_lock)
        {
            _arrived++;
            foreach (var waiter in _waiters.Where(w => w.Count <= _arrived).ToArray())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
