using McpPlatform.Governance;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Secrets;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.Secrets;
using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Secrets.LocalStore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;

namespace McpPlatform.Hosting.Tests.Server;

/// <summary>
/// A McpPlatform server with the sample tools on real Kestrel at 127.0.0.1, set up the way a
/// consumer's Program.cs does it (<c>AddMcpPlatform</c>, <c>MapMcpPlatform</c>), with OAuth on:
/// by default in Development trusting the development issuer (key file in a temp folder), or
/// trusting a loopback OIDC issuer (<see cref="ServerSetup.Issuer"/>). Clients it connects send
/// a bearer token whose audience is the exact MCP URL.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private const int BindAttempts = 3;

    private readonly WebApplication _app;
    private readonly string _keyFolder;
    private readonly string? _ownedAuditFolder;
    private readonly TestOidcIssuer? _issuer;
    private readonly Lazy<DevelopmentIssuer> _developmentIssuer;

    private RunningServer(WebApplication app, Uri baseUri, McpPlatformOptions options, string keyFolder, string? ownedAuditFolder, TestOidcIssuer? issuer)
    {
        _app = app;
        _keyFolder = keyFolder;
        _ownedAuditFolder = ownedAuditFolder;
        _issuer = issuer;
        _developmentIssuer = new(() => DevelopmentIssuer.LoadOrCreate(KeyFile(keyFolder)));
        BaseUri = baseUri;
        McpUri = new Uri(baseUri, options.Path);
        HealthUri = new Uri(baseUri, options.HealthPath);
        var environment = app.Services.GetRequiredService<IHostEnvironment>();
        AuditDirectory = Path.Combine(environment.ContentRootPath, app.Services.GetRequiredService<IOptions<AuditOptions>>().Value.Directory);
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUri { get; }

    /// <summary>The MCP endpoint.</summary>
    public Uri McpUri { get; }

    /// <summary>The health probe.</summary>
    public Uri HealthUri { get; }

    /// <summary>
    /// The folder the embedded audit sink writes to: its own temp folder per server (deleted on dispose)
    /// unless <see cref="ServerSetup.AuditDirectory"/> or the settings name one.
    /// </summary>
    public string AuditDirectory { get; }

    /// <summary>The server's services, e.g. <see cref="ToolInvocations"/>.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Builds and starts the default server (Development, development issuer, every tool granted to
    /// <see cref="TestCaller.Default"/>). <paramref name="settings"/> go into configuration before
    /// <c>AddMcpPlatform</c> runs, as appsettings.json would; <paramref name="configure"/> is the
    /// options callback a consumer passes. Start-up failures propagate.
    /// </summary>
    public static Task<RunningServer> StartAsync(
        Action<McpPlatformOptions>? configure = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync(new ServerSetup { Configure = configure, Settings = settings ?? new Dictionary<string, string?>() });

    /// <summary>Builds and starts a server as <paramref name="setup"/> says. Start-up failures propagate.</summary>
    internal static async Task<RunningServer> StartAsync(ServerSetup setup)
    {
        for (var attempt = 1; ; attempt++)
        {
            // With an OIDC issuer the resource URI (the tokens' audience) is configured, so the port is chosen first.
            var port = setup.Issuer is null ? 0 : LoopbackServer.FreePort();
            try
            {
                return await StartOnPortAsync(setup, port);
            }
            catch (IOException) when (port != 0 && attempt < BindAttempts)
            {
                // Another process took the port between choosing and binding it.
            }
        }
    }

    /// <summary>Connects the official MCP client over Streamable HTTP (runs initialize) with a token for <paramref name="caller"/>.</summary>
    public Task<McpClient> ConnectClientAsync(TestCaller? caller = null) => ConnectWithTokenAsync(MintToken(caller));

    /// <summary>Connects the official MCP client sending <c>Authorization: Bearer <paramref name="token"/></c>.</summary>
    public Task<McpClient> ConnectWithTokenAsync(string token) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = McpUri,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        }));

    /// <summary>
    /// An access token this server accepts for <paramref name="caller"/> (default <see cref="TestCaller.Default"/>),
    /// from its trusted issuer, with audience <paramref name="audience"/> (default the MCP URL).
    /// </summary>
    public string MintToken(TestCaller? caller = null, string? audience = null)
    {
        caller ??= TestCaller.Default;
        audience ??= McpUri.AbsoluteUri;
        if (_issuer is not null)
        {
            return _issuer.MintToken(new TestTokenOptions
            {
                Audience = audience,
                Subject = caller.Subject,
                Scopes = caller.Scopes,
                Groups = caller.Groups,
                ClientId = caller.ClientId,
                Claims = caller.Claims.ToDictionary(c => c.Key, c => (object?)c.Value),
            });
        }

        return _developmentIssuer.Value.MintToken(new DevelopmentTokenRequest(caller.Subject, audience)
        {
            Scopes = caller.Scopes,
            Groups = caller.Groups,
            ClientId = caller.ClientId,
            Claims = caller.Claims,
        });
    }

    /// <summary>A plain HTTP client for tests where headers matter.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseUri };

    /// <summary>
    /// Stops Kestrel and disposes the host (which flushes and closes the log and audit sinks), then deletes
    /// the key folder and the audit folder it created.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        DeleteKeyFolder(_keyFolder);
        DeleteOwnedAuditFolder(_ownedAuditFolder);
    }

    private static async Task<RunningServer> StartOnPortAsync(ServerSetup setup, int port)
    {
        var keyFolder = Directory.CreateTempSubdirectory("mcpplatform-dev-issuer-").FullName;
        var ownedAuditFolder = setup.AuditDirectory is null ? Directory.CreateTempSubdirectory("mcpplatform-audit-").FullName : null;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = setup.Environment,
            ContentRootPath = setup.ContentRootPath ?? AppContext.BaseDirectory,
            Args = setup.Args,
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(BaseSettings(setup, port, keyFolder, setup.AuditDirectory ?? ownedAuditFolder!));
        builder.Configuration.AddInMemoryCollection(setup.Settings);

        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<ToolInvocations>();
        setup.Services?.Invoke(builder.Services);
        setup.BeforePlatform?.Invoke(builder);
        if (setup.ExtraTools.Count > 0)
        {
            var catalog = McpPlatform.Generated.GeneratedMcpToolCatalog.Instance.Concat(new McpPlatform.Hosting.Tools.McpToolCatalog(setup.ExtraTools));
            builder.AddMcpPlatform(catalog, setup.Configure);
        }
        else
        {
            builder.AddMcpPlatform(setup.Configure);
        }

        setup.AfterPlatform?.Invoke(builder);
        if (setup.UseSerilog)
        {
            builder.AddMcpPlatformSerilog();
        }

        if (setup.Environment != Environments.Development)
        {
            // Outside Development the audit chain key must exist (only Development creates it); an operator provisions it.
            await SeedAuditChainKeyAsync(Path.Combine(setup.AuditDirectory ?? keyFolder, "secrets"));
        }

        WebApplication? app = null;
        try
        {
            app = builder.Build();
            setup.App?.Invoke(app);
            var conventions = app.MapMcpPlatform();
            setup.McpConventions?.Invoke(conventions);
            await app.StartAsync();
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            DeleteKeyFolder(keyFolder);
            DeleteOwnedAuditFolder(ownedAuditFolder);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var options = app.Services.GetRequiredService<IOptions<McpPlatformOptions>>().Value;
        return new RunningServer(app, new Uri(address.TrimEnd('/') + "/"), options, keyFolder, ownedAuditFolder, setup.Issuer);
    }

    private static Dictionary<string, string?> BaseSettings(ServerSetup setup, int port, string keyFolder, string auditFolder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["McpPlatform:Authentication:DevelopmentIssuer:KeyFile"] = KeyFile(keyFolder),

            // Each server audits into its own folder: servers running in parallel never share a file.
            ["McpPlatform:Audit:Directory"] = auditFolder,

            // The sample catalog has a tool with a secret; production-environment test servers opt in to
            // the local store explicitly (the tests that read secrets register their own provider).
            ["McpPlatform:Secrets:AllowLocalStoreOutsideDevelopment"] = "true",
            // With an audit folder the test reads, the store (and so the audit chain key) lives in it, so a
            // restarted server keeps its key and the test can verify the chain (Audit/AuditChainCheck).
            ["McpPlatform:Secrets:LocalStoreDirectory"] = Path.Combine(setup.AuditDirectory ?? keyFolder, "secrets"),

            // Test servers are not pinned to an approved manifest (explicit opt-out); Manifest/ManifestPinningTests sets it.
            ["McpPlatform:Manifest:RequireApproval"] = "false",

            // The tests call delete_ticket for policy, audit and limits with clients that answer no questions; the
            // approval tests (Governance/Approval*) turn the default-destructive approval back on.
            ["McpPlatform:Approval:RequireForDestructive"] = "false",
        };
        if (setup.Issuer is { } issuer)
        {
            settings["McpPlatform:Authentication:Authority"] = issuer.Issuer;
            settings["McpPlatform:Authentication:RequireHttpsMetadata"] = "false";
            settings["McpPlatform:Authentication:Resource"] = $"http://127.0.0.1:{port}{setup.Settings.GetValueOrDefault("McpPlatform:Path") ?? "/mcp"}";
        }

        if (setup.GrantTestCallerEverything)
        {
            const string Rule = "McpPlatform:Policy:Rules:0:";
            settings[Rule + "Name"] = ServerSetup.TestRuleName;
            settings[Rule + "Groups:0"] = TestCaller.TestGroup;
            settings[Rule + "Tools:0"] = "*";
            settings[Rule + "Access:0"] = "Read";
            settings[Rule + "Access:1"] = "Write";
            settings[Rule + "Access:2"] = "Destructive";
            settings[Rule + "Scopes:0"] = TestCaller.WriteScope;
            settings[Rule + "Scopes:1"] = TestCaller.DestructiveScope;
        }

        return settings;
    }

    private static async Task SeedAuditChainKeyAsync(string storeFolder)
    {
        var store = LocalSecretStore.Open(storeFolder);
        if (await store.GetSecretAsync(AuditChainKey.DefaultSecretName, CancellationToken.None) is null)
        {
            await store.SetAsync(AuditChainKey.DefaultSecretName, AuditChainKey.NewSecret());
        }
    }

    private static string KeyFile(string keyFolder) => Path.Combine(keyFolder, "dev-issuer.json");

    private static void DeleteOwnedAuditFolder(string? auditFolder)
    {
        try
        {
            if (auditFolder is not null)
            {
                Directory.Delete(auditFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static void DeleteKeyFolder(string keyFolder)
    {
        try
        {
            Directory.Delete(keyFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
