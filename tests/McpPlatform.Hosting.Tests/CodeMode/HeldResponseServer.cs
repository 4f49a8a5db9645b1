using McpPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
        var app = LoopbackWebApp.Create(typeof(HeldResponseServer).Assembly.GetName().Name!);
        var held = new HeldResponseServer(app);
        app.MapGet("/hold", async () =>
        {
            held.Arrive();
            await held._release.Task;
            return Results.Text("released");
        });
        await app.StartAsync();
        held.HoldUri = new Uri(LoopbackWebApp.BoundAddress(app, "The held-response server"), "/hold");
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
        await LoopbackWebApp.StopAsync(_app);
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
