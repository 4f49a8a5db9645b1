using System.Collections.Concurrent;
using McpPlatform.Fixtures.Workplace;
using McpPlatform.Governance.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpPlatform.Portal.Tests.EndToEnd.Upstreams;

/// <summary>
/// One of "our" upstreams: a governed McpPlatform server the way <c>mcp-governed</c> builds one (generated tools,
/// <c>AddMcpPlatform</c>/<c>MapMcpPlatform</c>, OAuth on with the development issuer, default-deny writes), serving one
/// tool set of the workplace fixture on real Kestrel at 127.0.0.1. It grants everything to <see cref="PortalGroup"/>,
/// the group of the token the portal presents (<see cref="MintPortalToken"/>), and records every bearer token it is
/// sent so a test can prove the portal never forwards its caller's.
/// </summary>
internal sealed class GovernedUpstream : IAsyncDisposable
{
    /// <summary>The group the portal's own token is in; callers of the portal are never in it.</summary>
    public const string PortalGroup = "portal-service";

    private readonly WebApplication _app;
    private readonly TemporaryFolder _folder;
    private readonly DevelopmentIssuer _issuer;
    private readonly ConcurrentQueue<string> _bearerTokens;

    private GovernedUpstream(WebApplication app, TemporaryFolder folder, DevelopmentIssuer issuer, Uri mcpEndpoint, ConcurrentQueue<string> bearerTokens)
    {
        _app = app;
        _folder = folder;
        _issuer = issuer;
        _bearerTokens = bearerTokens;
        McpEndpoint = mcpEndpoint;
    }

    /// <summary>http://127.0.0.1:port/mcp</summary>
    public Uri McpEndpoint { get; }

    /// <summary>Every bearer token this upstream was sent, oldest first.</summary>
    public IReadOnlyCollection<string> BearerTokensSeen => _bearerTokens.ToArray();

    /// <summary>Serves the workplace fixture's <paramref name="toolSet"/> (issues, wiki, drive, code).</summary>
    public static async Task<GovernedUpstream> StartAsync(string toolSet)
    {
        var folder = new TemporaryFolder();
        var keyFile = folder.Combine("dev-issuer.json");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "governed-" + toolSet,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["McpPlatform:ServerName"] = "governed-" + toolSet,
            ["McpPlatform:Authentication:DevelopmentIssuer:KeyFile"] = keyFile,
            ["McpPlatform:Audit:Directory"] = folder.Combine("audit"),
            ["McpPlatform:Secrets:LocalStoreDirectory"] = folder.Combine("secrets"),
            ["McpPlatform:Manifest:RequireApproval"] = "false",
            ["McpPlatform:Policy:Rules:0:Name"] = "the-portal-may-call-everything",
            ["McpPlatform:Policy:Rules:0:Groups:0"] = PortalGroup,
            ["McpPlatform:Policy:Rules:0:Tools:0"] = "*",
            ["McpPlatform:Policy:Rules:0:Access:0"] = "Read",
            ["McpPlatform:Policy:Rules:0:Access:1"] = "Write",
            ["McpPlatform:Policy:Rules:0:Scopes:0"] = "mcp:write",
        });
        builder.AddMcpPlatform(WorkplaceCatalog.Catalog.ForToolSets(toolSet));

        var bearerTokens = new ConcurrentQueue<string>();
        var app = builder.Build();
        try
        {
            app.Use(async (context, next) =>
            {
                var authorization = context.Request.Headers.Authorization.ToString();
                if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
                {
                    bearerTokens.Enqueue(authorization["Bearer ".Length..]);
                }

                await next(context);
            });
            app.MapMcpPlatform();
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            folder.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var endpoint = new Uri(address.TrimEnd('/') + "/mcp");
        return new GovernedUpstream(app, folder, DevelopmentIssuer.LoadOrCreate(keyFile), endpoint, bearerTokens);
    }

    /// <summary>The token the portal presents to this upstream (its credential, kept in the portal's secret store).</summary>
    public string MintPortalToken() =>
        _issuer.MintToken(new DevelopmentTokenRequest("the-portal", McpEndpoint.AbsoluteUri)
        {
            Groups = [PortalGroup],
            Scopes = ["mcp:read", "mcp:write"],
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
