using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Manifest;
using McpPlatform.Portal.Manifest;
using McpPlatform.Portal.Quarantine;
using McpPlatform.Secrets.LocalStore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpPlatform.Portal.Tests.EndToEnd.Portal;

/// <summary>
/// A portal the way an <c>mcp-portal</c> project's Program.cs runs it (<c>AddMcpPortal</c>, <c>MapMcpPortal</c>), on real
/// Kestrel at 127.0.0.1, in Development trusting a development issuer whose key lives in the portal's own temp folder,
/// with its audit log, secret store and approved manifest there too. The folder outlives a restart
/// (<see cref="RestartAsync"/>), as a deployed portal's disk would.
/// </summary>
internal sealed class PortalHost : IAsyncDisposable
{
    private static readonly TimeSpan ProposalTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly PortalSettings _settings;
    private readonly TemporaryFolder _folder;
    private WebApplication _app;

    private PortalHost(PortalSettings settings, TemporaryFolder folder, WebApplication app, Uri baseUri)
    {
        _settings = settings;
        _folder = folder;
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUri { get; private set; }

    /// <summary>The main endpoint, /mcp.</summary>
    public Uri McpUri => new(BaseUri, "/mcp");

    /// <summary>The approved manifest (absent until <see cref="ApproveProposalAsync"/>).</summary>
    public string ApprovedManifestPath => _folder.Combine(ManifestFiles.ApprovedFileName);

    /// <summary>Where the portal writes its proposal for the reviewer.</summary>
    public string ProposalPath => _folder.Combine(ManifestFiles.ManifestFileName);

    /// <summary>The audit log folder.</summary>
    public string AuditDirectory => _folder.Combine("audit");

    /// <summary>The running portal's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a portal configured by <paramref name="settings"/>; nothing is approved yet.</summary>
    public static async Task<PortalHost> StartAsync(PortalSettings settings)
    {
        var folder = new TemporaryFolder();
        try
        {
            var store = new LocalSecretStore(folder.Combine("secrets"));
            foreach (var (name, value) in settings.Secrets)
            {
                await store.SetAsync(name, value);
            }

            var (app, baseUri) = await StartAppAsync(settings, folder, port: 0);
            return new PortalHost(settings, folder, app, baseUri);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts a portal and approves its whole proposal as a reviewer would (every tool the upstreams list, as proposed),
    /// then restarts it so the approval takes effect: the state of a portal in production after its first review.
    /// </summary>
    public static async Task<PortalHost> StartApprovedAsync(PortalSettings settings, IReadOnlyCollection<string> expectedTools)
    {
        var portal = await StartAsync(settings);
        try
        {
            await portal.ApproveProposalAsync(expectedTools);
            await portal.RestartAsync();
            await portal.WaitUntilApprovedToolsAreOfferedAsync();
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits (bounded) until the portal's proposal names every one of <paramref name="expectedTools"/> (the upstreams have
    /// all been listed), then writes the approved manifest from it, as <c>mcp-platform manifest approve</c> does.
    /// </summary>
    public async Task ApproveProposalAsync(IReadOnlyCollection<string> expectedTools)
    {
        var deadline = DateTime.UtcNow + ProposalTimeout;
        string missing = "no proposal written yet";
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(ProposalPath))
            {
                try
                {
                    var proposal = ManifestDocument.Parse(await File.ReadAllTextAsync(ProposalPath), ProposalPath);
                    var absent = expectedTools.Where(tool => proposal.FindTool(tool) is null).ToList();
                    if (absent.Count == 0)
                    {
                        ApprovedManifest.Create(proposal, "portal-e2e-reviewer", DateTimeOffset.UtcNow).Write(ApprovedManifestPath);
                        return;
                    }

                    missing = "the proposal lacks " + string.Join(", ", absent);
                }
                catch (Exception ex) when (ex is ManifestFormatException or IOException)
                {
                    missing = "the proposal is not readable yet: " + ex.Message;
                }
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"The portal's proposal at {ProposalPath} was not complete within {ProposalTimeout.TotalSeconds:0} s: {missing}.");
    }

    /// <summary>
    /// Waits (bounded) until every approved tool is offered: the portal connects its upstreams in the background after
    /// start-up and holds each approved tool back until its upstream has listed it unchanged, so a test that starts right
    /// away could otherwise see part of the surface.
    /// </summary>
    public async Task WaitUntilApprovedToolsAreOfferedAsync()
    {
        var approved = Services.GetRequiredService<PortalManifest>().Tools.Select(t => t.Tool.Name).ToList();
        var quarantine = Services.GetRequiredService<UpstreamToolQuarantine>();
        var deadline = DateTime.UtcNow + ProposalTimeout;
        List<string> held = approved;
        while (DateTime.UtcNow < deadline)
        {
            held = approved.Where(tool => quarantine.ReasonFor(tool) is not null).ToList();
            if (held.Count == 0)
            {
                return;
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"Approved tools still held back after {ProposalTimeout.TotalSeconds:0} s: "
            + string.Join("; ", held.Select(tool => $"{tool}: {quarantine.ReasonFor(tool)}")));
    }

    /// <summary>Stops the portal and starts it again on the same port with the same folder (approval, audit, secrets).</summary>
    public async Task RestartAsync()
    {
        await StopAppAsync(_app);
        (_app, BaseUri) = await StartAppAsync(_settings, _folder, BaseUri.Port);
    }

    /// <summary>A token for <paramref name="endpoint"/> (default <see cref="McpUri"/>) from the development issuer the portal trusts.</summary>
    public string MintToken(string subject, string[] groups, string[] scopes, Uri? endpoint = null) =>
        DevelopmentIssuer.LoadOrCreate(KeyFile(_folder)).MintToken(new DevelopmentTokenRequest(subject, (endpoint ?? McpUri).AbsoluteUri)
        {
            Groups = groups,
            Scopes = scopes,
        });

    /// <summary>Connects the official C# MCP client to <paramref name="endpoint"/> with <paramref name="token"/>.</summary>
    public static Task<McpClient> ConnectAsync(Uri endpoint, string? token) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = token is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        }));

    /// <summary>The audit log's lines so far.</summary>
    public IReadOnlyList<string> AuditLines() =>
        Directory.Exists(AuditDirectory)
            ? Directory.EnumerateFiles(AuditDirectory, "*", SearchOption.AllDirectories)
                .SelectMany(file => ReadShared(file).Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList()
            : [];

    public async ValueTask DisposeAsync()
    {
        await StopAppAsync(_app);
        _folder.Dispose();
    }

    private static async Task<(WebApplication App, Uri BaseUri)> StartAppAsync(PortalSettings settings, TemporaryFolder folder, int port)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = folder.Path,
            ApplicationName = "portal-e2e",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["McpPlatform:ServerName"] = "portal-e2e",
            ["McpPlatform:Authentication:DevelopmentIssuer:KeyFile"] = KeyFile(folder),
            ["McpPlatform:Audit:Directory"] = folder.Combine("audit"),
            ["McpPlatform:Secrets:LocalStoreDirectory"] = folder.Combine("secrets"),
            ["McpPlatform:Manifest:ApprovedPath"] = folder.Combine(ManifestFiles.ApprovedFileName),
        });
        builder.Configuration.AddInMemoryCollection(settings.Values);
        var mcp = builder.AddMcpPortal();
        settings.Server?.Invoke(mcp);

        var app = builder.Build();
        try
        {
            app.MapMcpPortal();
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return (app, new Uri(LoopbackWebApp.BoundAddress(app, "The portal"), "/"));
    }

    private static async Task StopAppAsync(WebApplication app)
    {
        await LoopbackWebApp.StopAsync(app); // disposal closes the listener and stops the upstreams regardless
        await app.DisposeAsync();
    }

    private static string KeyFile(TemporaryFolder folder) => folder.Combine("dev-issuer.json");

    private static string ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
