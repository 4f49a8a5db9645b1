using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Manifest;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace McpPlatform.Portal.Bench;

/// <summary>
/// A portal on 127.0.0.1 (AddMcpPortal / MapMcpPortal) in front of the given upstreams, its proposal approved as a reviewer
/// would and then restarted, so every upstream tool is offered. Governed: JWT validation (development issuer), policy
/// (default read), audit to a temp folder; or, for the plumbing alone, authentication and audit off. Rate limits off
/// (the load would exhaust them). Stateless sessions, like the direct side.
/// </summary>
public sealed class BenchPortal : IAsyncDisposable
{
    private static readonly TimeSpan ProposalTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _governed;
    private WebApplication _app;

    private BenchPortal(string folder, IReadOnlyDictionary<string, string?> settings, bool governed, WebApplication app)
    {
        _folder = folder;
        _settings = settings;
        _governed = governed;
        _app = app;
    }

    public Uri McpUri => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/mcp");

    /// <summary>A read-scoped token for this portal; null when authentication is off.</summary>
    public string? Token => _governed
        ? DevelopmentIssuer.LoadOrCreate(Path.Combine(_folder, "issuer.json")).MintToken(new("portal-bench", McpUri.ToString()) { Scopes = ["mcp:read"] })
        : null;

    /// <summary>The audit log, to drain after a round (null when audit is off).</summary>
    public McpPlatform.Governance.Audit.AuditLog? Audit => _governed ? _app.Services.GetRequiredService<McpPlatform.Governance.Audit.AuditLog>() : null;

    /// <summary>Starts, waits for the proposal to hold <paramref name="expectedTools"/>, approves it, restarts.</summary>
    public static async Task<BenchPortal> StartAsync(IReadOnlyDictionary<string, string?> upstreamSettings, IReadOnlyCollection<string> expectedTools, bool governed)
    {
        var folder = Directory.CreateTempSubdirectory("mcp-portal-bench-").FullName;
        var portal = new BenchPortal(folder, upstreamSettings, governed, await StartAppAsync(folder, upstreamSettings, governed));
        await portal.ApproveAsync(expectedTools);
        await portal._app.StopAsync();
        await portal._app.DisposeAsync();
        portal._app = await StartAppAsync(folder, upstreamSettings, governed);
        await portal.WaitUntilOfferedAsync();
        return portal;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>How many tools the approval holds.</summary>
    public int ApprovedTools { get; private set; }

    /// <summary>
    /// Waits (bounded) until the portal lists every approved tool: it connects its upstreams in the background and holds each
    /// approved tool back until its upstream has listed it unchanged.
    /// </summary>
    private async Task WaitUntilOfferedAsync()
    {
        var headers = Token is { } token ? new Dictionary<string, string> { ["Authorization"] = "Bearer " + token } : null;
        var deadline = DateTime.UtcNow + ProposalTimeout;
        var listed = 0;
        while (DateTime.UtcNow < deadline)
        {
            await using (var client = await ModelContextProtocol.Client.McpClient.CreateAsync(new ModelContextProtocol.Client.HttpClientTransport(new()
            {
                Endpoint = new Uri(McpUri, "?codemode=false"),
                TransportMode = ModelContextProtocol.Client.HttpTransportMode.StreamableHttp,
                AdditionalHeaders = headers,
            })))
            {
                listed = (await client.ListToolsAsync()).Count;
            }

            if (listed == ApprovedTools)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The portal listed {listed} of its {ApprovedTools} approved tools after {ProposalTimeout.TotalSeconds:0} s.");
    }

    private async Task ApproveAsync(IReadOnlyCollection<string> expectedTools)
    {
        var proposal = Path.Combine(_folder, ManifestFiles.ManifestFileName);
        var deadline = DateTime.UtcNow + ProposalTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(proposal))
            {
                try
                {
                    var document = ManifestDocument.Parse(await File.ReadAllTextAsync(proposal), proposal);
                    if (expectedTools.All(tool => document.FindTool(tool) is not null))
                    {
                        ApprovedTools = document.Tools.Count;
                        ApprovedManifest.Create(document, "portal-bench", DateTimeOffset.UtcNow).Write(Path.Combine(_folder, ManifestFiles.ApprovedFileName));
                        return;
                    }
                }
                catch (Exception ex) when (ex is ManifestFormatException or IOException)
                {
                    // Being written; read it again.
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The portal's proposal {proposal} did not name {string.Join(", ", expectedTools)} within {ProposalTimeout.TotalSeconds:0} s.");
    }

    private static async Task<WebApplication> StartAppAsync(string folder, IReadOnlyDictionary<string, string?> upstreamSettings, bool governed)
    {
        // Development: the only environment where authentication may be off or the development issuer trusted.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = folder });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["McpPlatform:SessionMode"] = "Stateless",
            ["McpPlatform:Authentication:Enabled"] = governed ? "true" : "false",
            ["McpPlatform:Authentication:DevelopmentIssuer:KeyFile"] = Path.Combine(folder, "issuer.json"),
            ["McpPlatform:RateLimits:Enabled"] = "false",
            ["McpPlatform:Audit:Enabled"] = governed ? "true" : "false",
            ["McpPlatform:Audit:Console"] = "false",
            ["McpPlatform:Audit:Directory"] = Path.Combine(folder, "audit"),
            ["McpPlatform:Dlp:Enabled"] = "false",
            ["McpPlatform:Secrets:LocalStoreDirectory"] = Path.Combine(folder, "secrets"),
            ["McpPlatform:Manifest:ApprovedPath"] = Path.Combine(folder, ManifestFiles.ApprovedFileName),
        });
        builder.Configuration.AddInMemoryCollection(upstreamSettings);
        builder.AddMcpPortal();
        var app = builder.Build();
        app.MapMcpPortal();
        await app.StartAsync();
        return app;
    }
}
