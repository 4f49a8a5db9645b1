using System.ComponentModel;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Bench;

/// <summary>
/// The upstream both sides call: the plain SDK over Streamable HTTP (stateless) with one cheap read tool, so the
/// difference between the sides is the portal and nothing the upstream does.
/// </summary>
public static class EchoUpstream
{
    public const string Tool = "get_issue";

    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddMcpServer().WithHttpTransport(http => http.Stateless = true).WithTools([typeof(EchoTools)]);
        var app = builder.Build();
        app.MapMcp("/mcp");
        await app.StartAsync();
        return app;
    }

    public static Uri McpUri(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/mcp");
}

/// <summary>The upstream's tool.</summary>
[McpServerToolType]
public static class EchoTools
{
    [McpServerTool(Name = EchoUpstream.Tool, ReadOnly = true), Description("Gets one issue by key.")]
    public static string GetIssue([Description("The issue key, e.g. ACME-7.")] string key) => $"Issue {key}: the build is red";
}
