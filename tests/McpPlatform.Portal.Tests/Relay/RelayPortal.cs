using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting;
using McpPlatform.Hosting.Tools;
using McpPlatform.Portal.Health;
using McpPlatform.Portal.Relay;
using McpPlatform.Portal.Upstreams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpPlatform.Portal.Tests.Relay;

/// <summary>
/// A stateful governed portal on 127.0.0.1 (AddMcpPlatform, the portal's upstream connections and the relay) in front of
/// the real <c>@modelcontextprotocol/server-everything</c>, launched by the portal over stdio (namespace <c>everything</c>),
/// a slow one (<c>slow</c>, Relay/node/slow-upstream.mjs, 2 s timeout, whose <c>chatty</c> tool logs and reports progress) and an upstream nothing listens for (<c>down</c>).
/// </summary>
public sealed class RelayPortal : IAsyncLifetime
{
    public const string Everything = "everything";
    public const string Down = "down";
    public const string Slow = "slow";
    public const string FinanceGroup = "finance";

    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-relay-").FullName;
    private WebApplication? _app;
    private DevelopmentIssuer? _issuer;

    public Uri McpUri { get; private set; } = null!;

    public static string EverythingServer => Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "server-everything", "dist", "index.js");

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

            ["McpPlatform:Portal:Upstreams:everything:Command"] = RepositoryLayout.NodeExecutable(),
            ["McpPlatform:Portal:Upstreams:everything:Arguments:0"] = EverythingServer,
            ["McpPlatform:Portal:Upstreams:everything:Arguments:1"] = "stdio",
            ["McpPlatform:Portal:Upstreams:everything:AllowedTools:0"] = "*",
            ["McpPlatform:Portal:Upstreams:everything:Timeout"] = "00:00:20",
            ["McpPlatform:Portal:Upstreams:slow:Command"] = RepositoryLayout.NodeExecutable(),
            ["McpPlatform:Portal:Upstreams:slow:Arguments:0"] = Path.Combine(RepositoryLayout.Root, "tests", "McpPlatform.Portal.Tests", "Relay", "node", "slow-upstream.mjs"),
            ["McpPlatform:Portal:Upstreams:slow:Environment:MCP_SDK_DIST"] = Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "sdk", "dist", "esm"),
            ["McpPlatform:Portal:Upstreams:slow:AllowedTools:0"] = "*",
            ["McpPlatform:Portal:Upstreams:slow:Timeout"] = "00:00:02",
            ["McpPlatform:Portal:Upstreams:slow:MaxResultBytes"] = "100000",
            ["McpPlatform:Portal:Upstreams:down:Url"] = $"http://127.0.0.1:{LoopbackServer.FreePort()}/mcp",
            ["McpPlatform:Portal:Upstreams:down:AllowedTools:0"] = "*",
            ["McpPlatform:Portal:Upstreams:down:Timeout"] = "00:00:02",
            ["McpPlatform:Portal:Upstreams:down:ConnectTimeout"] = "00:00:02",

            // Data rules scoped to the upstream (its tool set: tools, resources and prompts): one on what is read, one
            // blocking what is asked for (a resource's URI, a prompt's arguments).
            ["McpPlatform:Dlp:Rules:0:Name"] = "no-clear-text",
            ["McpPlatform:Dlp:Rules:0:Pattern"] = "plaintext",
            ["McpPlatform:Dlp:Rules:0:Tools:0"] = "everything/*",
            ["McpPlatform:Dlp:Rules:1:Name"] = "no-secret-ids",
            ["McpPlatform:Dlp:Rules:1:Pattern"] = "secret-[0-9]+",
            ["McpPlatform:Dlp:Rules:1:Action"] = "Block",
            ["McpPlatform:Dlp:Rules:1:Tools:0"] = "everything/*",

            // A profile: callers in group "finance" may call one tool and read nothing else, upstream resources included.
            ["McpPlatform:Policy:Rules:0:Name"] = "finance-one-tool",
            ["McpPlatform:Policy:Rules:0:Groups:0"] = FinanceGroup,
            ["McpPlatform:Policy:Rules:0:Tools:0"] = "everything_long_running",
            ["McpPlatform:Policy:Rules:0:Access:0"] = "Read",
            ["McpPlatform:Policy:Rules:0:Exclusive"] = "true",
        });

        PortalUpstreams.Add(builder.Services, builder.Configuration);
        var catalog = new McpToolCatalog(
        [
            new RelayedTool(Everything, "everything_long_running", "trigger-long-running-operation"),
            new RelayedTool(Everything, "everything_elicit", "trigger-elicitation-request"),
            new RelayedTool(Slow, "slow_chatty", "chatty"),
        ]);
        var mcp = builder.AddMcpPlatform(catalog);
        PortalRelay.Add(builder.Services, mcp);

        _app = builder.Build();
        _app.MapMcpPlatform();
        await _app.StartAsync();

        await ConnectedAsync(Everything);
        await ConnectedAsync(Slow);
    }

    private async Task ConnectedAsync(string upstreamNamespace)
    {
        Assert.True(_app!.Services.GetRequiredService<UpstreamRegistry>().TryGet(upstreamNamespace, out var upstream));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (upstream.Health.State != UpstreamStates.Connected)
        {
            Assert.False(deadline.IsCancellationRequested, $"upstream {upstreamNamespace} did not connect: {upstream.Health.State} {upstream.Health.Detail}");
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>The official C# client as a caller over Streamable HTTP, with a development token (scope mcp:read) in <paramref name="groups"/>.</summary>
    public Task<McpClient> ConnectAsync(McpClientOptions? options = null, params string[] groups) => ConnectAsync(options, null, groups);

    /// <summary>As above, with the client's transport wrapped by <paramref name="transport"/> (to watch what the caller receives).</summary>
    public Task<McpClient> ConnectAsync(McpClientOptions? options, Func<IClientTransport, IClientTransport>? transport, params string[] groups)
    {
        var token = _issuer!.MintToken(new DevelopmentTokenRequest("relay-test-caller", McpUri.AbsoluteUri) { Groups = groups });
        IClientTransport http = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = McpUri,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        return McpClient.CreateAsync(transport is null ? http : transport(http), options);
    }

    /// <summary>The portal's audit records so far (one JSON object a line).</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> AuditRecords()
    {
        var folder = Path.Combine(_folder, "audit");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var records = new List<System.Text.Json.JsonElement>();
        foreach (var file in Directory.GetFiles(folder))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.StartsWith('{'))
                {
                    records.Add(System.Text.Json.JsonDocument.Parse(line).RootElement.Clone());
                }
            }
        }

        return records;
    }

    public async Task DisposeAsync()
    {
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
}
