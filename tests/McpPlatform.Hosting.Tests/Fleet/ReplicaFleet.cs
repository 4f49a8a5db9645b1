using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;

using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Fleet;

/// <summary>
/// Three replicas of a governed server as separate processes (McpPlatform.Fixtures.FleetReplica), sharing a real
/// redis-server, each auditing into its own folder under <see cref="AuditRoot"/> with one chain key, behind a real nginx
/// round-robin on one public URI: what a Kubernetes Deployment with an ingress runs.
/// </summary>
internal sealed class ReplicaFleet : IAsyncDisposable
{
    /// <summary>The group the fleet's policy lets call every tool, Read and Write.</summary>
    public const string Group = "fleet";

    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(180);

    private readonly string _folder;
    private readonly TestOidcIssuer _issuer;
    private readonly NginxProxy _proxy;

    private ReplicaFleet(string folder, TestOidcIssuer issuer, IReadOnlyList<ReplicaProcess> replicas, NginxProxy proxy, string resource)
    {
        _folder = folder;
        _issuer = issuer;
        Replicas = replicas;
        _proxy = proxy;
        Resource = resource;
    }

    public IReadOnlyList<ReplicaProcess> Replicas { get; }

    /// <summary>The fleet's one public MCP URI (nginx's).</summary>
    public string Resource { get; }

    /// <summary>The folder with one audit folder per replica, as <c>audit verify FOLDER</c> takes it.</summary>
    public string AuditRoot => Path.Combine(_folder, "audit");

    /// <summary>The local secret store holding the fleet's one audit chain key.</summary>
    public string SecretStore => Path.Combine(_folder, "secrets");

    public static async Task<ReplicaFleet> StartAsync(TestOidcIssuer issuer, RedisServer redis, int count, IReadOnlyDictionary<string, string?> settings)
    {
        var folder = Directory.CreateTempSubdirectory("mcp-fleet-replicas-").FullName;
        var proxyPort = NginxProxy.ReservePort();
        var resource = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{proxyPort}/mcp");
        await SeedAuditChainKeyAsync(Path.Combine(folder, "secrets"));
        var common = new Dictionary<string, string?>
        {
            ["McpPlatform:Authentication:Authority"] = issuer.Issuer,
            ["McpPlatform:Authentication:RequireHttpsMetadata"] = "false",
            ["McpPlatform:Authentication:Resource"] = resource,
            ["McpPlatform:Redis:Configuration"] = redis.Configuration,
            ["McpPlatform:Redis:KeyPrefix"] = $"fleet-{Guid.NewGuid():N}:",
            ["McpPlatform:Audit:Directory"] = Path.Combine(Path.Combine(folder, "audit"), "{Replica}"),
            ["McpPlatform:Secrets:LocalStoreDirectory"] = Path.Combine(folder, "secrets"),
            ["McpPlatform:Secrets:AllowLocalStoreOutsideDevelopment"] = "true",
            ["McpPlatform:Manifest:RequireApproval"] = "false",
            ["McpPlatform:Policy:Rules:0:Name"] = "fleet-callers",
            ["McpPlatform:Policy:Rules:0:Groups:0"] = Group,
            ["McpPlatform:Policy:Rules:0:Tools:0"] = "*",
            ["McpPlatform:Policy:Rules:0:Access:0"] = "Read",
            ["McpPlatform:Policy:Rules:0:Access:1"] = "Write",
            ["McpPlatform:Policy:Rules:0:Scopes:0"] = TestCaller.WriteScope,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            common[key] = value;
        }

        var replicas = new List<ReplicaProcess>();
        try
        {
            // Started one after another: on a 2-core machine parallel starts only make each slower.
            for (var i = 0; i < count; i++)
            {
                replicas.Add(await ReplicaProcess.StartAsync($"replica-{(char)('a' + i)}", common));
            }

            var proxy = await NginxProxy.StartAsync(proxyPort, replicas.Select(r => r.Port), keepAliveUpstreams: false); // a replica is SIGKILLed mid-run
            return new ReplicaFleet(folder, issuer, replicas, proxy, resource);
        }
        catch
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>A token for the fleet's URI for <paramref name="subject"/>, in <see cref="Group"/> with mcp:read and mcp:write.</summary>
    public string MintToken(string subject) => _issuer.MintToken(new TestTokenOptions
    {
        Audience = Resource,
        Subject = subject,
        Scopes = [TestCaller.ReadScope, TestCaller.WriteScope],
        Groups = [Group],
        ClientId = "fleet-test-client",
    });

    /// <summary>Runs node/fleet-load.mjs with <paramref name="plan"/> as <paramref name="subject"/> and returns its JSON line.</summary>
    public async Task<JsonNode> RunLoadAsync(string subject, JsonObject plan)
    {
        var run = await ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [Path.Combine(AppContext.BaseDirectory, "node", "fleet-load.mjs"), Resource, plan.ToJsonString()],
            AppContext.BaseDirectory,
            new Dictionary<string, string?>
            {
                ["MCP_SDK_DIR"] = Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "sdk"),
                ["NODE_PATH"] = RepositoryLayout.NodeModules,
                ["MCP_TOKEN"] = MintToken(subject),
            },
            ClientTimeout);
        run.EnsureSuccess();
        return JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
    }

    /// <summary>Runs the real CLI, <c>mcp-platform audit verify --store STORE FOLDER</c>, as its own process.</summary>
    public async Task<CommandResult> VerifyAuditAsync()
    {
        var cli = typeof(ReplicaFleet).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "CliPath").Value!;
        return await ChildProcess.RunAsync("dotnet", [cli, "audit", "verify", "--store", SecretStore, AuditRoot], AppContext.BaseDirectory, null, ClientTimeout);
    }

    /// <summary>Every replica's audit records, one JSON object per line, by replica folder.</summary>
    public IReadOnlyDictionary<string, List<JsonObject>> AuditRecords() =>
        Directory.GetDirectories(AuditRoot).ToDictionary(
            folder => Path.GetFileName(folder)!,
            folder => Directory.GetFiles(folder, "*.clef")
                .SelectMany(File.ReadAllLines)
                .Where(line => line.Length > 0)
                .Select(line => JsonNode.Parse(line)!.AsObject())
                .ToList()) as IReadOnlyDictionary<string, List<JsonObject>>;

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        foreach (var replica in Replicas)
        {
            await replica.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static async Task SeedAuditChainKeyAsync(string storeFolder)
    {
        var store = McpPlatform.Secrets.LocalStore.LocalSecretStore.Open(storeFolder);
        await store.SetAsync(McpPlatform.Governance.Audit.AuditChainKey.DefaultSecretName, McpPlatform.Governance.Audit.AuditChainKey.NewSecret());
    }
}
