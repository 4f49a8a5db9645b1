using McpPlatform.Hosting.Logging;
using McpPlatform.Hosting.Security;
using McpPlatform.Hosting.Tools;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting;

/// <summary>
/// The two calls a McpPlatform server makes: <c>builder.AddMcpPlatform()</c> and
/// <c>app.MapMcpPlatform()</c>. The generator emits an <c>AddMcpPlatform()</c> overload that
/// passes the project's generated tool catalog to this one.
/// </summary>
public static class McpPlatformHostingExtensions
{
    /// <summary>Registers the MCP server, its generated tools and the platform's services.</summary>
    public static IMcpServerBuilder AddMcpPlatform(
        this IHostApplicationBuilder builder, McpToolCatalog catalog, Action<McpPlatformOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(catalog);

        var options = builder.Services.AddOptions<McpPlatformOptions>()
            .Bind(builder.Configuration.GetSection(McpPlatformOptions.SectionName))
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddSingleton<IValidateOptions<McpPlatformOptions>, McpPlatformOptionsValidator>();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddTransient<IStartupFilter, DnsRebindingStartupFilter>();
        PlatformLogging.AddPlatformLogging(builder.Services, builder.Configuration);

        var platform = builder.Configuration.GetSection(McpPlatformOptions.SectionName).Get<McpPlatformOptions>() ?? new McpPlatformOptions();
        configure?.Invoke(platform);

        return builder.Services
            .AddMcpServer(server => server.ServerInfo = ServerIdentity.Describe(platform))
            .WithHttpTransport(http => http.SessionMode = platform.SessionMode == McpSessionMode.Stateful
                ? HttpServerSessionMode.Stateful
                : HttpServerSessionMode.Stateless)
            .WithTools(catalog.Tools);
    }

    /// <summary>Maps the MCP endpoint and the health probe.</summary>
    public static IEndpointRouteBuilder MapMcpPlatform(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<McpPlatformOptions>>().Value;

        var identity = ServerIdentity.Describe(options);
        endpoints.MapGet(options.HealthPath, () => Results.Json(new { status = "ok", server = identity.Name, version = identity.Version }));
        endpoints.MapMcp(options.Path);
        return endpoints;
    }
}
