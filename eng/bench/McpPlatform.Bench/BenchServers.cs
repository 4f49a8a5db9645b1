using McpPlatform.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace McpPlatform.Bench;

/// <summary>Starts the two servers under test on 127.0.0.1 with a free port, same settings otherwise.</summary>
public static class BenchServers
{
    public static Task<WebApplication> StartGovernedAsync()
    {
        var builder = CreateBuilder();
        builder.AddMcpPlatform(options => options.SessionMode = McpSessionMode.Stateless);
        var app = builder.Build();
        app.MapMcpPlatform();
        return StartAsync(app);
    }

    public static Task<WebApplication> StartPlainAsync()
    {
        var builder = CreateBuilder();
        builder.Services.AddMcpServer()
            .WithHttpTransport(http => http.Stateless = true)
            .WithTools([typeof(PlainTools)]);
        var app = builder.Build();
        app.MapMcp("/mcp");
        return StartAsync(app);
    }

    public static Uri McpUri(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/mcp");

    private static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Both servers log at Warning so the comparison measures the MCP plumbing, not console output.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        return builder;
    }

    private static async Task<WebApplication> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return app;
    }
}
