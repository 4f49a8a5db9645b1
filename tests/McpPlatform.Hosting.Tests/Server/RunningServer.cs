using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;

namespace McpPlatform.Hosting.Tests.Server;

/// <summary>
/// A McpPlatform server with the sample tools on real Kestrel at 127.0.0.1 and a free port,
/// set up the way a consumer's Program.cs does it: <c>AddMcpPlatform</c>, <c>MapMcpPlatform</c>.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, Uri baseUri, McpPlatformOptions options)
    {
        _app = app;
        BaseUri = baseUri;
        McpUri = new Uri(baseUri, options.Path);
        HealthUri = new Uri(baseUri, options.HealthPath);
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUri { get; }

    /// <summary>The MCP endpoint.</summary>
    public Uri McpUri { get; }

    /// <summary>The health probe.</summary>
    public Uri HealthUri { get; }

    /// <summary>
    /// Builds and starts the server. <paramref name="settings"/> go into configuration before
    /// <c>AddMcpPlatform</c> runs, as appsettings.json would; <paramref name="configure"/> is the
    /// options callback a consumer passes. Start-up failures propagate.
    /// </summary>
    public static async Task<RunningServer> StartAsync(
        Action<McpPlatformOptions>? configure = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddMcpPlatform(configure);
        var app = builder.Build();
        try
        {
            app.MapMcpPlatform();
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<McpPlatformOptions>>().Value;
        return new RunningServer(app, new Uri(address.TrimEnd('/') + "/"), options);
    }

    /// <summary>Connects the official MCP client over Streamable HTTP (runs initialize).</summary>
    public Task<McpClient> ConnectClientAsync() =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = McpUri,
            TransportMode = HttpTransportMode.StreamableHttp,
        }));

    /// <summary>A plain HTTP client for tests where headers matter.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseUri };

    /// <summary>Stops Kestrel and disposes the host (which flushes and closes the log sinks).</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
