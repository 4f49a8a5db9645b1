using System.Collections.Concurrent;
using System.Net;
using System.Text;
using McpPlatform.Portal.Credentials;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Tests.Upstreams;

/// <summary>
/// A real MCP server (the C# SDK over Streamable HTTP) on 127.0.0.1 that records the credentials of every request it
/// gets, beside a token endpoint that records every form it gets and issues numbered tokens.
/// </summary>
internal sealed class LoopbackAuthorizedUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _issued;

    private LoopbackAuthorizedUpstream(WebApplication app) => _app = app;

    /// <summary>The MCP endpoint.</summary>
    public Uri Mcp { get; private set; } = null!;

    /// <summary>The token endpoint.</summary>
    public Uri Token { get; private set; } = null!;

    /// <summary>Authorization and X-API-Key headers of every MCP request, in order.</summary>
    public ConcurrentQueue<(string? Authorization, string? ApiKey)> McpRequests { get; } = new();

    /// <summary>Every token request: its Basic credentials (decoded) and its form.</summary>
    public ConcurrentQueue<(string? Client, Dictionary<string, string> Form)> TokenRequests { get; } = new();

    /// <summary>The subject token of each issued token (null for client credentials).</summary>
    public ConcurrentDictionary<string, string?> IssuedFor { get; } = new();

    /// <summary>expires_in of issued tokens.</summary>
    public int ExpiresIn { get; set; } = 3600;

    public static async Task<LoopbackAuthorizedUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "portal-upstream-credentials", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseSetting(WebHostDefaults.PreferHostingUrlsKey, "false");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddMcpServer().WithHttpTransport().WithTools([McpServerTool.Create((string text) => text, new() { Name = "echo" })]);
        var app = builder.Build();
        var upstream = new LoopbackAuthorizedUpstream(app);
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/mcp"))
            {
                upstream.McpRequests.Enqueue((context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers["X-API-Key"].FirstOrDefault()));
            }

            await next(context);
        });
        app.MapPost("/token", (Func<HttpContext, Task<IResult>>)upstream.IssueAsync); // a Delegate, so the IResult is written
        app.MapMcp("/mcp");
        await app.StartAsync();
        var root = LoopbackWebApp.BoundAddress(app, "the loopback upstream");
        upstream.Mcp = new Uri(root, "/mcp");
        upstream.Token = new Uri(root, "/token");
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackWebApp.StopAsync(_app);
        await _app.DisposeAsync();
    }

    private async Task<IResult> IssueAsync(HttpContext context)
    {
        var form = (await context.Request.ReadFormAsync()).ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        var basic = context.Request.Headers.Authorization.FirstOrDefault() is { } header && header.StartsWith("Basic ", StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]))
            : null;
        TokenRequests.Enqueue((basic, form));
        if (basic != "portal:client-secret-value")
        {
            return Results.Json(new { error = "invalid_client", error_description = "bad client " + basic }, statusCode: 401);
        }

        var token = "issued-token-" + Interlocked.Increment(ref _issued);
        IssuedFor[token] = form.GetValueOrDefault("subject_token");
        return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = ExpiresIn });
    }

    /// <summary>The grant types asked for, in order.</summary>
    public List<string> Grants => [.. TokenRequests.Select(request => request.Form["grant_type"])];

    public static string ExchangeGrant => TokenEndpointClient.TokenExchangeGrant;
}
