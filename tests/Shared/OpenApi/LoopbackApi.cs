using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace McpPlatform.Testing;

/// <summary>
/// A real HTTP API on 127.0.0.1 that plays <c>loopback-api.yaml</c> (beside this file) under <c>/api</c>: echoes what it
/// received, redirects within and off its base URL, answers slowly, streams far past any sane limit, fails with a
/// chosen status, and echoes the credential it got (an API that leaks it back). It counts what reached it, so tests
/// assert on the API's side too.
/// </summary>
internal sealed class LoopbackApi : IAsyncDisposable
{
    /// <summary>The chunk <c>/huge</c> streams; it writes at most <see cref="HugeChunks"/> of them.</summary>
    public const int HugeChunk = 64 * 1024;

    /// <summary>How many chunks <c>/huge</c> writes at most (32 MiB): bounded even when nobody stops reading.</summary>
    public const int HugeChunks = 512;

    private readonly WebApplication _app;
    private int _slowHits;
    private int _outsideHits;

    private LoopbackApi(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The document this API plays.</summary>
    public static string DocumentPath => Path.Combine(AppContext.BaseDirectory, "OpenApi", "loopback-api.yaml");

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>The base URL to configure: http://127.0.0.1:port/api/</summary>
    public Uri BaseUrl => new(Root, "/api/");

    /// <summary>Requests <c>/slow</c> received (attempts, retries included).</summary>
    public int SlowHits => Volatile.Read(ref _slowHits);

    /// <summary>Requests that reached <c>/outside</c> (outside the base path): a refused redirect must not get there.</summary>
    public int OutsideHits => Volatile.Read(ref _outsideHits);

    /// <summary>What <c>/whoami</c> received, one entry per request: Authorization, X-API-Key and the api_key query.</summary>
    public ConcurrentQueue<string> CredentialsSeen { get; } = new();

    /// <summary>Every request target that reached the API (path and query), in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The W3C <c>traceparent</c> header of every request that carried one.</summary>
    public ConcurrentQueue<string> TraceParents { get; } = new();

    /// <summary>The status <c>/whoami</c> answers; 401 quotes the credential back in the body.</summary>
    public int WhoamiStatus { get; set; } = 200;

    public static async Task<LoopbackApi> StartAsync()
    {
        var app = LoopbackWebApp.Create(nameof(LoopbackApi));
        var api = new LoopbackApi(app);
        api.Map(app);
        await app.StartAsync();
        api.Root = LoopbackWebApp.BoundAddress(app, "The loopback API");
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackWebApp.StopAsync(_app);
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use((context, next) =>
        {
            Requests.Enqueue(context.Request.Method + " " + context.Request.Path + context.Request.QueryString);
            if (context.Request.Headers["traceparent"].ToString() is { Length: > 0 } traceParent)
            {
                TraceParents.Enqueue(traceParent);
            }
            return next(context);
        });
        app.MapGet("/api/items/{itemId}", (HttpContext context) => Echo(context, null));
        app.MapDelete("/api/items/{itemId}", () => Results.NoContent());
        app.MapPost("/api/items", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            return Results.Json(EchoOf(context, body), statusCode: 201);
        });
        app.MapGet("/api/list", () => Results.Json(new[] { "a", "b" }));
        app.MapGet("/api/redirect/same", () => Results.Redirect("/api/items/moved"));
        app.MapGet("/api/redirect/loop", () => Results.Redirect("/api/redirect/loop"));
        app.MapGet("/api/redirect/other-host", () => Results.Redirect($"http://localhost:{Root.Port}/api/items/7"));
        app.MapGet("/api/redirect/outside", () => Results.Redirect("/outside/secret"));
        app.MapGet("/outside/secret", () =>
        {
            Interlocked.Increment(ref _outsideHits);
            return Results.Text("outside the base path");
        });
        app.MapGet("/api/slow", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _slowHits);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up: that is the point.
            }
        });
        app.MapGet("/api/huge", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            var chunk = Encoding.ASCII.GetBytes(new string('x', HugeChunk));
            try
            {
                for (var i = 0; i < HugeChunks && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }

                // The body never ends (for a minute): a client that buffered it whole would wait for a timeout, so only
                // one that refuses at its limit while the body streams gets an answer in time.
                await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted);
            }
            catch (Exception failure) when (failure is OperationCanceledException or IOException)
            {
                // The client stopped reading at its limit.
            }
        });
        app.MapGet("/api/status/{code:int}", (int code) => Results.Text("failure " + new string('e', 5000), statusCode: code));
        app.MapGet("/api/whoami", (HttpContext context) =>
        {
            var seen = new Dictionary<string, string?>
            {
                ["authorization"] = context.Request.Headers.Authorization.ToString(),
                ["apiKeyHeader"] = context.Request.Headers["X-API-Key"].ToString(),
                ["apiKeyQuery"] = context.Request.Query["api_key"].ToString(),
            };
            CredentialsSeen.Enqueue(JsonSerializer.Serialize(seen));
            return WhoamiStatus == 200
                ? Results.Json(seen)
                : Results.Text($"credential rejected: authorization '{seen["authorization"]}', key '{seen["apiKeyHeader"]}{seen["apiKeyQuery"]}'", statusCode: WhoamiStatus);
        });
        app.MapGet("/api/notes", () => Results.Json(new { note = "ask alice@example.com for the key" }));
    }

    private static IResult Echo(HttpContext context, string? body) => Results.Json(EchoOf(context, body));

    private static Dictionary<string, string?> EchoOf(HttpContext context, string? body) => new()
    {
        ["method"] = context.Request.Method,
        ["rawTarget"] = context.Features.Get<IHttpRequestFeature>()?.RawTarget,
        ["trace"] = context.Request.Headers["X-Trace"].FirstOrDefault(),
        ["body"] = body,
    };
}
