using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting;
using McpPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace McpPlatform.Bench;

/// <summary>Starts the servers under test on 127.0.0.1 with a free port, same settings otherwise.</summary>
public static class BenchServers
{
    /// <summary>
    /// The generated server. With <paramref name="keyFile"/> it validates development-issuer
    /// tokens and applies policy (rate limits off: the load would exhaust them); without,
    /// authentication is off. With <paramref name="auditFolder"/> every call is audited to a
    /// file there and data-loss rules scan arguments and results; without, both are off.
    /// <paramref name="dlp"/> switches the data-loss rules on or off on their own (the ablation run).
    /// </summary>
    public static Task<WebApplication> StartGovernedAsync(string? keyFile, string? auditFolder = null, bool? dlp = null) =>
        StartGovernedAsync(keyFile, auditFolder, dlp, configure: null);

    /// <summary>
    /// The fleet comparison: auth + policy with the caller limits on (set high enough that the load never hits them), in
    /// process or, with <paramref name="redis"/>, shared through that Redis.
    /// </summary>
    public static Task<WebApplication> StartLimitedAsync(string keyFile, string? redis) =>
        StartGovernedAsync(keyFile, auditFolder: null, dlp: null, configure: configuration =>
        {
            configuration["McpPlatform:RateLimits:Enabled"] = "true";
            configuration["McpPlatform:RateLimits:PerCaller:TokenLimit"] = "100000000";
            configuration["McpPlatform:RateLimits:PerCaller:TokensPerPeriod"] = "100000000";
            configuration["McpPlatform:RateLimits:PerTool:TokenLimit"] = "100000000";
            configuration["McpPlatform:RateLimits:PerTool:TokensPerPeriod"] = "100000000";
            configuration["McpPlatform:RateLimits:ConcurrentCallsPerCaller"] = "1000";
            configuration["McpPlatform:Redis:Configuration"] = redis;
            configuration["McpPlatform:Redis:KeyPrefix"] = $"bench-{Guid.NewGuid():N}:";
        });

    private static Task<WebApplication> StartGovernedAsync(string? keyFile, string? auditFolder, bool? dlp, Action<IConfiguration>? configure)
    {
        var builder = CreateBuilder();
        builder.Configuration["McpPlatform:Authentication:Enabled"] = keyFile is null ? "false" : "true";
        builder.Configuration["McpPlatform:Authentication:DevelopmentIssuer:KeyFile"] = keyFile;
        builder.Configuration["McpPlatform:RateLimits:Enabled"] = "false";
        builder.Configuration["McpPlatform:Audit:Enabled"] = auditFolder is null ? "false" : "true";
        builder.Configuration["McpPlatform:Audit:Directory"] = auditFolder;
        builder.Configuration["McpPlatform:Audit:Console"] = "false";
        builder.Configuration["McpPlatform:Dlp:Enabled"] = dlp ?? auditFolder is not null ? "true" : "false";
        configure?.Invoke(builder.Configuration);
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

    /// <summary>A read-scoped development token for <paramref name="endpoint"/>.</summary>
    public static string Token(string keyFile, Uri endpoint) =>
        DevelopmentIssuer.LoadOrCreate(keyFile).MintToken(new("bench", endpoint.ToString()) { Scopes = ["mcp:read"] });

    private static WebApplicationBuilder CreateBuilder()
    {
        // Development: the only environment where authentication may be off or the development issuer trusted.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // All servers log at Warning so the comparison measures the MCP plumbing, not console output.
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
