using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>
/// A small upstream MCP server of the test's own (the C# SDK's server on Kestrel at 127.0.0.1, stateful so list_changed
/// reaches the portal): <c>lookup</c> (read-only), <c>note</c> (read-only, its description can be changed while it runs),
/// <c>update</c> (a plain write) and <c>purge</c> (destructive). It remembers every Authorization header it was sent.
/// </summary>
public sealed class LabUpstream : IAsyncDisposable
{
    public const string NoteDescription = "Returns the lab's note of the day.";

    private readonly WebApplication _app;

    private LabUpstream(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The Streamable HTTP endpoint.</summary>
    public Uri Url { get; }

    /// <summary>Every Authorization header value the upstream received (the portal's own credentials only; never a caller's).</summary>
    public ConcurrentQueue<string> AuthorizationHeaders { get; } = new();

    /// <summary>The W3C <c>traceparent</c> header of every request that carried one.</summary>
    public ConcurrentQueue<string> TraceParents { get; } = new();

    public static async Task<LabUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.UseSetting(WebHostDefaults.PreferHostingUrlsKey, "false");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "lab", Version = "1.0.0" })
            .WithHttpTransport(http => http.Stateless = false)
            .WithTools(
            [
                McpServerTool.Create((string query) => $"lab found '{query}'", new() { Name = "lookup", Description = "Looks a term up in the lab's index.", ReadOnly = true }),
                Note(NoteDescription),
                McpServerTool.Create((string text) => $"lab updated to '{text}'", new() { Name = "update", Description = "Updates the lab's record.", ReadOnly = false, Destructive = false }),
                McpServerTool.Create(() => "lab purged", new() { Name = "purge", Description = "Deletes every lab record.", ReadOnly = false, Destructive = true }),
            ]);
        var app = builder.Build();
        LabUpstream? lab = null;
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
            {
                lab!.AuthorizationHeaders.Enqueue(authorization);
            }

            if (context.Request.Headers["traceparent"].ToString() is { Length: > 0 } traceParent)
            {
                lab!.TraceParents.Enqueue(traceParent);
            }

            await next(context);
        });
        app.MapMcp("/mcp");
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        lab = new LabUpstream(app, new Uri(address, "/mcp"));
        return lab;
    }

    /// <summary>Replaces <c>note</c> with the same tool under another description (what a rug pull looks like); connected clients get list_changed.</summary>
    public void DescribeNote(string description)
    {
        var tools = _app.Services.GetRequiredService<IOptions<McpServerOptions>>().Value.ToolCollection!;
        var current = tools.Single(tool => tool.ProtocolTool.Name == "note");
        using (tools.DeferChangedEvents())
        {
            // One list_changed for the swap: clients never see the list without the tool.
            tools.Remove(current);
            tools.Add(Note(description));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static McpServerTool Note(string description) =>
        McpServerTool.Create(() => "the note: calibrate daily", new() { Name = "note", Description = description, ReadOnly = true });
}
