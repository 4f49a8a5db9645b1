using System.Text.Json;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Portal.Quarantine;
using McpPlatform.Secrets.LocalStore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>Who a test token speaks for.</summary>
public sealed record PortalCaller(string Subject, string[] Groups, string[] Scopes)
{
    public static PortalCaller Engineer { get; } = new("erin", ["engineering"], ["mcp:read", "mcp:write"]);

    public static PortalCaller Analyst { get; } = new("frank", ["finance"], ["mcp:read"]);
}

/// <summary>
/// A portal as a consumer's Program.cs sets it up (<c>AddMcpPortal</c>, <c>MapMcpPortal</c>) on real Kestrel at 127.0.0.1, in
/// Development with the development issuer, its approved manifest, proposal, audit and secrets in <see cref="Folder"/>.
/// </summary>
public sealed class PortalHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DevelopmentIssuer _issuer;

    private PortalHost(WebApplication app, string folder, Uri baseUri)
    {
        _app = app;
        Folder = folder;
        BaseUri = baseUri;
        McpUri = new Uri(baseUri, "/mcp");
        _issuer = DevelopmentIssuer.LoadOrCreate(Path.Combine(folder, "dev-issuer.json"));
    }

    public string Folder { get; }

    public Uri BaseUri { get; }

    public Uri McpUri { get; }

    public IServiceProvider Services => _app.Services;

    public string AuditFolder => Path.Combine(Folder, "audit");

    public string ApprovedPath => Path.Combine(Folder, "mcp-manifest.approved.json");

    public string ProposalPath => Path.Combine(Folder, "mcp-manifest.json");

    internal UpstreamToolWatch Watch => Services.GetRequiredService<UpstreamToolWatch>();

    internal UpstreamToolQuarantine Quarantine => Services.GetRequiredService<UpstreamToolQuarantine>();

    /// <summary>Starts a portal over <paramref name="folder"/> with <paramref name="settings"/> (the portal's upstreams, audiences, policy).</summary>
    public static async Task<PortalHost> StartAsync(string folder, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = folder,
            ApplicationName = "portal-tests",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["McpPlatform:ServerName"] = "portal-tests",
            ["McpPlatform:ServerVersion"] = "1.0.0",
            ["McpPlatform:Authentication:DevelopmentIssuer:KeyFile"] = Path.Combine(folder, "dev-issuer.json"),
            ["McpPlatform:Audit:Directory"] = Path.Combine(folder, "audit"),
            ["McpPlatform:Secrets:LocalStoreDirectory"] = Path.Combine(folder, "secrets"),
            ["McpPlatform:Manifest:ApprovedPath"] = Path.Combine(folder, "mcp-manifest.approved.json"),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMcpPortal();
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

        return new PortalHost(app, folder, new Uri(LoopbackWebApp.BoundAddress(app, "The portal"), "/"));
    }

    /// <summary>A token for <paramref name="caller"/> with the portal's resource URI (its main MCP URL) as audience, valid on every path.</summary>
    public string Token(PortalCaller caller) => _issuer.MintToken(new DevelopmentTokenRequest(caller.Subject, McpUri.AbsoluteUri)
    {
        Scopes = caller.Scopes,
        Groups = caller.Groups,
    });

    /// <summary>The official C# client over Streamable HTTP at <paramref name="path"/> (plus query), as <paramref name="caller"/>.</summary>
    public Task<McpClient> ConnectAsync(PortalCaller caller, string path = "/mcp") =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(BaseUri, path),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token(caller) },
        }));

    /// <summary>Every audit record written so far (the file sink is batched: wait on a condition with <see cref="Eventually"/>).</summary>
    public IReadOnlyList<JsonElement> AuditRecords()
    {
        if (!Directory.Exists(AuditFolder))
        {
            return [];
        }

        var records = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(AuditFolder, "*.clef").Order(StringComparer.Ordinal))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0 && line.EndsWith('}'))
                {
                    using var document = JsonDocument.Parse(line);
                    records.Add(document.RootElement.Clone());
                }
            }
        }

        return records;
    }

    /// <summary>The audit chain key the portal created in its local store (Development).</summary>
    public AuditChainKey AuditKey()
    {
        var secret = LocalSecretStore.Open(Path.Combine(Folder, "secrets"))
            .GetSecretAsync(AuditChainKey.DefaultSecretName, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Assert.True(secret is not null, "no audit chain key in the portal's secret store");
        return AuditChainKey.FromSecret(secret.Value);
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackWebApp.StopAsync(_app); // disposal still stops what is left
        await _app.DisposeAsync();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after a bounded time.</summary>
    public static async Task Eventually(Func<bool> condition, string what, Func<string>? state = null, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}{(state is null ? "" : " (" + state() + ")")}.");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>As <see cref="Eventually(Func{bool}, string, Func{string}?, int)"/> for an asynchronous condition.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, Func<string>? state = null, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}{(state is null ? "" : " (" + state() + ")")}.");
            }

            await Task.Delay(50);
        }
    }
}
