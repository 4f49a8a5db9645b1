using McpPlatform.Fixtures.Workplace;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Bench;

/// <summary>One upstream of the token measurement: its namespace, one of its tools (to know it was listed), how the portal reaches it, and its own tools/list.</summary>
public sealed record SurfaceUpstream(string Namespace, string SampleTool, IReadOnlyDictionary<string, string?> PortalSettings, IReadOnlyList<Tool> NativeTools);

/// <summary>
/// The upstreams a portal fronts in the token measurement, in the order they are added (1, 3, 10): governed McpPlatform
/// servers with the workplace fixture's tool sets (issues, wiki, drive, code; 13 tools each), and the published npm servers
/// server-memory and server-everything launched over stdio, as real portals front both.
/// </summary>
public sealed class SurfaceUpstreams : IAsyncDisposable
{
    private readonly List<WebApplication> _servers = [];

    public static readonly string[] Order = ["issues", "wiki", "memory", "drive", "code", "everything", "issues-eu", "wiki-eu", "drive-eu", "code-eu"];

    public List<SurfaceUpstream> All { get; } = [];

    public static async Task<SurfaceUpstreams> StartAsync()
    {
        var upstreams = new SurfaceUpstreams();
        foreach (var name in Order)
        {
            upstreams.All.Add(name switch
            {
                "memory" => await upstreams.StdioAsync(name, [Path.Combine(Package("server-memory"), "dist", "index.js")],
                    new() { ["MEMORY_FILE_PATH"] = Path.Combine(Path.GetTempPath(), $"portal-bench-memory-{Guid.NewGuid():N}.jsonl") }, "read_graph"),
                "everything" => await upstreams.StdioAsync(name, [Path.Combine(Package("server-everything"), "dist", "index.js"), "stdio"], [], "echo"),
                _ => await upstreams.GovernedAsync(name, name.Split('-')[0]),
            });
        }

        return upstreams;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }

    private async Task<SurfaceUpstream> GovernedAsync(string @namespace, string toolSet)
    {
        var catalog = WorkplaceCatalog.Catalog.ForToolSets(toolSet);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["McpPlatform:ServerName"] = "workplace-" + toolSet,
            ["McpPlatform:Authentication:Enabled"] = "false",
            ["McpPlatform:Audit:Enabled"] = "false",
            ["McpPlatform:Manifest:RequireApproval"] = "false",
            ["McpPlatform:Secrets:LocalStoreDirectory"] = Path.Combine(Path.GetTempPath(), "portal-bench-secrets"),
        });
        builder.AddMcpPlatform(catalog);
        var app = builder.Build();
        app.MapMcpPlatform();
        await app.StartAsync();
        _servers.Add(app);

        var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/mcp");
        var native = await ListAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = url, TransportMode = HttpTransportMode.StreamableHttp }));
        return new SurfaceUpstream(@namespace, catalog.Tools[0].Descriptor.Name, Settings(@namespace, new() { ["Url"] = url.AbsoluteUri }), native);
    }

    private async Task<SurfaceUpstream> StdioAsync(string @namespace, string[] arguments, Dictionary<string, string?> environment, string sampleTool)
    {
        var native = await ListAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = RepositoryLayout.NodeExecutable(),
            Arguments = arguments,
            EnvironmentVariables = environment,
        }));
        var settings = new Dictionary<string, string?> { ["Command"] = RepositoryLayout.NodeExecutable() };
        for (var i = 0; i < arguments.Length; i++)
        {
            settings[$"Arguments:{i}"] = arguments[i];
        }

        foreach (var (name, value) in environment)
        {
            settings["Environment:" + name] = value;
        }

        return new SurfaceUpstream(@namespace, sampleTool, Settings(@namespace, settings), native);
    }

    private static Dictionary<string, string?> Settings(string @namespace, Dictionary<string, string?> own)
    {
        var prefix = $"McpPlatform:Portal:Upstreams:{@namespace}:";
        var settings = own.ToDictionary(pair => prefix + pair.Key, pair => pair.Value);
        settings[prefix + "AllowedTools:0"] = "*";
        return settings;
    }

    private static async Task<IReadOnlyList<Tool>> ListAsync(IClientTransport transport)
    {
        await using var client = await McpClient.CreateAsync(transport);
        return (await client.ListToolsAsync()).Select(t => t.ProtocolTool).ToList();
    }

    private static string Package(string name) => Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", name);
}
