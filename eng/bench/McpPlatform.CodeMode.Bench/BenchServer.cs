using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting;
using McpPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace McpPlatform.CodeMode.Bench;

/// <summary>
/// The generated server under test on 127.0.0.1 (free port), as a deployment runs it: JWT validation
/// against the development issuer and policy on; rate limits off (the load would exhaust them); audit
/// and data-loss rules off, so both sides measure the MCP and Code Mode plumbing, not the audit writer.
/// </summary>
public static class BenchServer
{
    public static async Task<WebApplication> StartAsync(string keyFile)
    {
        // Development: the only environment where the development issuer is trusted.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.Configuration["McpPlatform:Authentication:Enabled"] = "true";
        builder.Configuration["McpPlatform:Authentication:DevelopmentIssuer:KeyFile"] = keyFile;
        builder.Configuration["McpPlatform:RateLimits:Enabled"] = "false";
        builder.Configuration["McpPlatform:Audit:Enabled"] = "false";
        builder.Configuration["McpPlatform:Dlp:Enabled"] = "false";
        builder.AddMcpPlatform(options => options.SessionMode = McpSessionMode.Stateless);
        var app = builder.Build();
        app.MapMcpPlatform();
        await app.StartAsync();
        return app;
    }

    public static Uri McpUri(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/mcp");

    /// <summary>A read-scoped development token for <paramref name="endpoint"/> (every bench tool is a Read tool).</summary>
    public static string Token(string keyFile, Uri endpoint) =>
        DevelopmentIssuer.LoadOrCreate(keyFile).MintToken(new("codemode-bench", endpoint.ToString()) { Scopes = ["mcp:read"] });
}
