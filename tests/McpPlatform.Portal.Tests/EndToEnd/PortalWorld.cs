using McpPlatform.Portal.Tests.EndToEnd.Portal;
using McpPlatform.Portal.Tests.EndToEnd.Upstreams;

namespace McpPlatform.Portal.Tests.EndToEnd;

/// <summary>
/// One portal in front of real upstreams, started once for the end-to-end collection: published npm servers run
/// unmodified (server-everything over Streamable HTTP, server-memory launched by the portal over stdio) and two governed
/// McpPlatform servers (the workplace fixture's issue tracker and wiki, OAuth on, reached with the portal's own token).
/// Its manifest is approved once, as a reviewer would on first deployment. Two audience endpoints serve the source
/// document's example: finance at /finance/mcp sees only the read tools of the issue tracker; engineering at
/// /engineering/mcp may read and write everything.
/// </summary>
public sealed class PortalWorld : IAsyncLifetime
{
    public const string EmployeesGroup = "employees";
    public const string FinanceGroup = "finance";
    public const string EngineeringGroup = "engineering";
    public const string ReadScope = "mcp:read";
    public const string WriteScope = "mcp:write";

    /// <summary>One tool of each upstream, whose presence in the proposal shows that upstream was listed.</summary>
    private static readonly string[] OneToolOfEachUpstream = ["everything_echo", "memory_read_graph", "issues_get_issue", "wiki_get_page"];

    private readonly TemporaryFolder _memoryFolder = new();
    private EverythingServer? _everything;
    private GovernedUpstream? _issues;
    private GovernedUpstream? _wiki;
    private PortalHost? _portal;

    internal EverythingServer Everything => _everything ?? throw NotStarted();

    internal GovernedUpstream Issues => _issues ?? throw NotStarted();

    internal GovernedUpstream Wiki => _wiki ?? throw NotStarted();

    internal PortalHost Portal => _portal ?? throw NotStarted();

    /// <summary>server-memory's store file (unique to this run, so it also identifies the process).</summary>
    public string MemoryFile => _memoryFolder.Combine("memory.jsonl");

    /// <summary>/finance/mcp</summary>
    public Uri FinanceUri => new(Portal.BaseUri, "/finance/mcp");

    /// <summary>/engineering/mcp</summary>
    public Uri EngineeringUri => new(Portal.BaseUri, "/engineering/mcp");

    /// <summary>An employee's token for the main endpoint: reads only (no write scope, no write rule).</summary>
    public string EmployeeToken(Uri? endpoint = null) => Portal.MintToken("erin", [EmployeesGroup], [ReadScope], endpoint);

    /// <summary>An engineer's token: read and write.</summary>
    public string EngineerToken(Uri? endpoint = null) => Portal.MintToken("ed", [EmployeesGroup, EngineeringGroup], [ReadScope, WriteScope], endpoint);

    /// <summary>A finance analyst's token: read, even with the write scope the audience still narrows to reads.</summary>
    public string FinanceToken(Uri? endpoint = null) => Portal.MintToken("fiona", [EmployeesGroup, FinanceGroup], [ReadScope, WriteScope], endpoint);

    public async Task InitializeAsync()
    {
        var everything = EverythingServer.StartAsync();
        var issues = GovernedUpstream.StartAsync("issues");
        var wiki = GovernedUpstream.StartAsync("wiki");
        _everything = await everything;
        _issues = await issues;
        _wiki = await wiki;

        var settings = new PortalSettings()
            .HttpUpstream("everything", Everything.McpEndpoint)
            .StdioUpstream("memory", NodePeers.Node, [NodePeers.MemoryServer], new Dictionary<string, string> { ["MEMORY_FILE_PATH"] = MemoryFile })
            .HttpUpstream("issues", Issues.McpEndpoint, bearerToken: Issues.MintPortalToken())
            .HttpUpstream("wiki", Wiki.McpEndpoint, bearerToken: Wiki.MintPortalToken())
            .Rule("employees-read", [EmployeesGroup], ["*"], ["Read"])
            .Rule("engineering-write", [EngineeringGroup], ["*"], ["Write"], [WriteScope])
            .Audience("finance", "/finance/mcp", ["issues_*"], ["Read"], [FinanceGroup])
            .Audience("engineering", "/engineering/mcp", ["*"], [], [EngineeringGroup]);
        _portal = await PortalHost.StartApprovedAsync(settings, OneToolOfEachUpstream);
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        _everything?.Dispose();
        if (_issues is not null)
        {
            await _issues.DisposeAsync();
        }

        if (_wiki is not null)
        {
            await _wiki.DisposeAsync();
        }

        _memoryFolder.Dispose();
    }

    private static InvalidOperationException NotStarted() => new("The portal world is not started.");
}

/// <summary>The tests that share <see cref="PortalWorld"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PortalWorldCollection : ICollectionFixture<PortalWorld>
{
    public const string Name = "Portal end to end";
}
