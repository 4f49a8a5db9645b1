using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting;
using McpPlatform.Hosting.Tools;
using McpPlatform.Portal.Relay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Tests.Relay;

/// <summary>
/// A stateful governed portal on 127.0.0.1 (AddMcpPlatform + the relay) in front of the real
/// <c>@modelcontextprotocol/server-everything</c> over stdio (namespace <c>everything</c>) and an upstream that never
/// connected (namespace <c>down</c>). The upstream's client is configured by the relay as the portal's would be.
/// </summary>
public sealed class RelayPortal : IAsyncLifetime
{
    public const string Everything = "everything";
    public const string Down = "down";
    public const string FinanceGroup = "finance";

    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-relay-").FullName;
    private WebApplication? _app;
    private McpClient? _everything;
    private DevelopmentIssuer? _issuer;

    public Uri McpUri { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = LoopbackServer.FreePort();
        McpUri = new Uri($"http://127.0.0.1:{port}/mcp");
        var keyFile = Path.Combine(_folder, "dev-issuer.json");
        _issuer = DevelopmentIssuer.LoadOrCreate(keyFile);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, ContentRootPath = _folder });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["McpPlatform:SessionMode"] = "Stateful",
            ["McpPlatform:Authentication:DevelopmentIssuer:KeyFile"] = keyFile,
            ["McpPlatform:Audit:Directory"] = Path.Combine(_folder, "audit"),
            ["McpPlatform:Secrets:LocalStoreDirectory"] = Path.Combine(_folder, "secrets"),
            ["McpPlatform:Manifest:RequireApproval"] = "false",

            // A profile: callers in group "finance" may call one tool and read nothing else, upstream resources included.
            ["McpPlatform:Policy:Rules:0:Name"] = "finance-one-tool",
            ["McpPlatform:Policy:Rules:0:Groups:0"] = FinanceGroup,
            ["McpPlatform:Policy:Rules:0:Tools:0"] = "everything_long_running",
            ["McpPlatform:Policy:Rules:0:Access:0"] = "Read",
            ["McpPlatform:Policy:Rules:0:Exclusive"] = "true",
        });

        var upstreams = new RelayUpstream[]
        {
            new(Everything, TimeSpan.FromSeconds(20), () => _everything, () => null),
            new(Down, TimeSpan.FromSeconds(2), () => null, () => "connection refused by 127.0.0.1:9 (test upstream)"),
        };
        builder.Services.AddSingleton<IRelayUpstreams>(new FixedUpstreams(upstreams));
        var catalog = new McpToolCatalog(
        [
            new RelayedTool(Everything, "everything_long_running", "trigger-long-running-operation", () => _everything),
            new RelayedTool(Everything, "everything_toggle_logging", "toggle-simulated-logging", () => _everything),
            new RelayedTool(Everything, "everything_elicit", "trigger-elicitation-request", () => _everything),
        ]);
        var mcp = builder.AddMcpPlatform(catalog);
        PortalRelay.Add(builder.Services, mcp);

        _app = builder.Build();
        _app.MapMcpPlatform();
        await _app.StartAsync();

        var options = new McpClientOptions();
        _app.Services.GetRequiredService<UpstreamClientRelay>().Configure(Everything, options);
        _everything = await McpClient.CreateAsync(
            new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = Everything,
                Command = RepositoryLayout.NodeExecutable(),
                Arguments = [Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "server-everything", "dist", "index.js"), "stdio"],
            }),
            options);
    }

    /// <summary>The official C# client as a caller over Streamable HTTP, with a development token (scope mcp:read) in <paramref name="groups"/>.</summary>
    public Task<McpClient> ConnectAsync(McpClientOptions? options = null, params string[] groups)
    {
        var token = _issuer!.MintToken(new DevelopmentTokenRequest("relay-test-caller", McpUri.AbsoluteUri) { Groups = groups });
        return McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = McpUri,
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
            }),
            options);
    }

    public async Task DisposeAsync()
    {
        if (_everything is not null)
        {
            await _everything.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    private sealed class FixedUpstreams(IReadOnlyList<RelayUpstream> upstreams) : IRelayUpstreams
    {
        public IReadOnlyList<RelayUpstream> Upstreams => upstreams;
    }
}
