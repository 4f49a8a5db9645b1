using McpPlatform.Fixtures.Workplace;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Cli.Tests.Tokens;

/// <summary>
/// The 52-tool workplace fixture served by McpPlatform on real Kestrel at 127.0.0.1 (port 0), in Development
/// trusting a development issuer whose key lives in a temp folder, with a policy rule that grants every tool
/// to <see cref="EverythingGroup"/>, so a token for that group lists the whole catalog.
/// </summary>
internal sealed class WorkplaceServer : IAsyncDisposable
{
    public const string EverythingGroup = "tokens-tests";

    private readonly WebApplication _app;
    private readonly TemporaryFolder _folder;
    private readonly DevelopmentIssuer _issuer;

    private WorkplaceServer(WebApplication app, TemporaryFolder folder, DevelopmentIssuer issuer, Uri mcpUri)
    {
        _app = app;
        _folder = folder;
        _issuer = issuer;
        McpUri = mcpUri;
    }

    /// <summary>http://127.0.0.1:port/mcp</summary>
    public Uri McpUri { get; }

    /// <summary>Starts the server; <paramref name="settings"/> go on top of the test configuration, as appsettings.json would.</summary>
    public static async Task<WorkplaceServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, McpPlatform.Hosting.Tools.McpToolCatalog? catalog = null)
    {
        var folder = new TemporaryFolder();
        var keyFile = folder.Combine("dev-issuer.json");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["McpPlatform:Authentication:DevelopmentIssuer:KeyFile"] = keyFile,
            ["McpPlatform:Audit:Directory"] = folder.Combine("audit"),
            ["McpPlatform:Secrets:LocalStoreDirectory"] = folder.Combine("secrets"),
            ["McpPlatform:Manifest:RequireApproval"] = "false",
            ["McpPlatform:Policy:Rules:0:Name"] = "tokens-tests-everything",
            ["McpPlatform:Policy:Rules:0:Groups:0"] = EverythingGroup,
            ["McpPlatform:Policy:Rules:0:Tools:0"] = "*",
            ["McpPlatform:Policy:Rules:0:Access:0"] = "Read",
            ["McpPlatform:Policy:Rules:0:Access:1"] = "Write",
            ["McpPlatform:Policy:Rules:0:Access:2"] = "Destructive",
            ["McpPlatform:Policy:Rules:0:Scopes:0"] = "mcp:write",
            ["McpPlatform:Policy:Rules:0:Scopes:1"] = "mcp:destructive",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddMcpPlatform(catalog ?? WorkplaceCatalog.Catalog); // another fixture's tools when given (the rollback tests)

        var app = builder.Build();
        try
        {
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
        return new WorkplaceServer(app, folder, DevelopmentIssuer.LoadOrCreate(keyFile), new Uri(address.TrimEnd('/') + "/mcp"));
    }

    /// <summary>A token for <see cref="McpUri"/>, in <see cref="EverythingGroup"/> with every scope unless told otherwise.</summary>
    public string MintToken(string[]? groups = null, string[]? scopes = null) =>
        _issuer.MintToken(new DevelopmentTokenRequest("tokens-test-user", McpUri.AbsoluteUri)
        {
            Groups = groups ?? [EverythingGroup],
            Scopes = scopes ?? ["mcp:read", "mcp:write", "mcp:destructive"],
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
