using System.Text.Json;
using McpPlatform.Governance.Manifest;
using ModelContextProtocol.Client;

namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>
/// One portal the runtime tests share, set up the way an operator does it: the portal starts with no approved manifest
/// (offering nothing and proposing every upstream tool in <c>mcp-manifest.json</c>), a reviewer approves the proposal, and
/// the portal restarts offering the approved tools. Upstreams: <c>lab</c> (the test's own SDK server over Streamable HTTP),
/// <c>limited</c> (the same server under a second namespace, 2 calls a minute), <c>tiny</c> (again, with a 10-byte result cap) and <c>memory</c> (the published
/// <c>@modelcontextprotocol/server-memory</c>, launched over stdio). Audiences: <c>finance</c> (read tools of lab) and
/// <c>engineering</c> (read and write tools, engineering group only).
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string Reviewer = "reviewer@example.com";

    private readonly TemporaryFolder _folder = new();

    public LabUpstream Lab { get; private set; } = null!;

    /// <summary>The approved portal.</summary>
    public PortalHost Portal { get; private set; } = null!;

    /// <summary>The proposal the unapproved portal wrote, as approved.</summary>
    public ManifestDocument Proposal { get; private set; } = null!;

    /// <summary>What tools/list showed an engineer on the unapproved portal.</summary>
    public IReadOnlyList<string> UnapprovedToolList { get; private set; } = [];

    /// <summary>The unapproved portal's audit records.</summary>
    public IReadOnlyList<JsonElement> UnapprovedAudit { get; private set; } = [];

    public static string MemoryServer => Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "server-memory", "dist", "index.js");

    public async Task InitializeAsync()
    {
        Lab = await LabUpstream.StartAsync();
        var settings = Settings(Lab.Url, _folder.Combine("memory.jsonl"));

        await using (var unapproved = await PortalHost.StartAsync(_folder.Path, settings))
        {
            await PortalHost.Eventually(
                () => ProposedNames(unapproved.ProposalPath) is { } names && names.Contains("lab_lookup") && names.Contains("limited_lookup") && names.Contains("tiny_lookup") && names.Contains("memory_read_graph"),
                "the unapproved portal proposes the tools of lab, limited and memory",
                () => File.Exists(unapproved.ProposalPath) ? File.ReadAllText(unapproved.ProposalPath) : "no proposal yet",
                seconds: 30);

            await using (var client = await unapproved.ConnectAsync(PortalCaller.Engineer))
            {
                UnapprovedToolList = [.. (await client.ListToolsAsync()).Select(tool => tool.Name)];
            }

            // Each upstream's changes reach the audit file when the writer's batch does: wait for the last upstream's too.
            await PortalHost.Eventually(
                () => unapproved.AuditRecords().Where(IsUpstreamChange).Select(record => record.GetProperty("Tool").GetString()).ToHashSet() is var audited
                    && audited.Contains("lab_lookup") && audited.Contains("limited_lookup") && audited.Contains("memory_read_graph"),
                "the unapproved portal audits the new upstream tools of lab, limited and memory");
            UnapprovedAudit = unapproved.AuditRecords();
        }

        // What 'mcp-platform manifest approve' does: the reviewer's approval of the proposal, beside it.
        Proposal = ManifestDocument.Load(_folder.Combine(ManifestFiles.ManifestFileName));
        ApprovedManifest.Create(Proposal, Reviewer, DateTimeOffset.UtcNow, "portal runtime tests").Write(_folder.Combine(ManifestFiles.ApprovedFileName));

        Portal = await PortalHost.StartAsync(_folder.Path, settings);
        await PortalHost.Eventually(
            () => Portal.Quarantine.ReasonFor("lab_lookup") is null && Portal.Quarantine.ReasonFor("memory_read_graph") is null && Portal.Quarantine.ReasonFor("limited_lookup") is null && Portal.Quarantine.ReasonFor("tiny_lookup") is null,
            "the approved portal verified its upstreams' tools",
            () => $"lab_lookup: {Portal.Quarantine.ReasonFor("lab_lookup")}; memory_read_graph: {Portal.Quarantine.ReasonFor("memory_read_graph")}",
            seconds: 30);
    }

    public async Task DisposeAsync()
    {
        if (Portal is not null)
        {
            await Portal.DisposeAsync();
        }

        if (Lab is not null)
        {
            await Lab.DisposeAsync();
        }

        _folder.Dispose();
    }

    public static bool IsUpstreamChange(JsonElement record) =>
        record.TryGetProperty("Kind", out var kind) && kind.GetString() == "upstream-change";

    public static Dictionary<string, string?> Settings(Uri lab, string memoryFile) => new()
    {
        ["McpPlatform:Portal:Upstreams:lab:Url"] = lab.AbsoluteUri,
        ["McpPlatform:Portal:Upstreams:lab:AllowedTools:0"] = "*",
        ["McpPlatform:Portal:Upstreams:lab:Timeout"] = "00:00:10",

        ["McpPlatform:Portal:Upstreams:limited:Url"] = lab.AbsoluteUri,
        ["McpPlatform:Portal:Upstreams:limited:AllowedTools:0"] = "lookup",
        ["McpPlatform:Portal:Upstreams:limited:CallsPerMinute"] = "2",

        // The same server again, with a result cap no answer fits under: every call fails at the portal, naming the upstream.
        ["McpPlatform:Portal:Upstreams:tiny:Url"] = lab.AbsoluteUri,
        ["McpPlatform:Portal:Upstreams:tiny:AllowedTools:0"] = "lookup",
        ["McpPlatform:Portal:Upstreams:tiny:MaxResultBytes"] = "10",

        ["McpPlatform:Portal:Upstreams:memory:Command"] = RepositoryLayout.NodeExecutable(),
        ["McpPlatform:Portal:Upstreams:memory:Arguments:0"] = MemoryServer,
        ["McpPlatform:Portal:Upstreams:memory:Environment:MEMORY_FILE_PATH"] = memoryFile,
        ["McpPlatform:Portal:Upstreams:memory:AllowedTools:0"] = "*",

        ["McpPlatform:Portal:Audiences:finance:Path"] = "/finance/mcp",
        ["McpPlatform:Portal:Audiences:finance:Tools:0"] = "lab_*",
        ["McpPlatform:Portal:Audiences:finance:Access:0"] = "Read",
        ["McpPlatform:Portal:Audiences:engineering:Path"] = "/engineering/mcp",
        ["McpPlatform:Portal:Audiences:engineering:Tools:0"] = "*",
        ["McpPlatform:Portal:Audiences:engineering:Access:0"] = "Read",
        ["McpPlatform:Portal:Audiences:engineering:Access:1"] = "Write",
        ["McpPlatform:Portal:Audiences:engineering:Groups:0"] = "engineering",

        // Writes are denied by default; engineering may write (never destructive).
        ["McpPlatform:Policy:Rules:0:Name"] = "engineering-writes",
        ["McpPlatform:Policy:Rules:0:Groups:0"] = "engineering",
        ["McpPlatform:Policy:Rules:0:Tools:0"] = "*",
        ["McpPlatform:Policy:Rules:0:Access:0"] = "Write",
        ["McpPlatform:Policy:Rules:0:Scopes:0"] = "mcp:write",

        // E-mail addresses are never sent to the third-party memory server (every tool of the upstream: memory_*).
        ["McpPlatform:Dlp:Rules:0:Name"] = "no-email-to-third-parties",
        ["McpPlatform:Dlp:Rules:0:Detector"] = "email",
        ["McpPlatform:Dlp:Rules:0:Action"] = "Block",
        ["McpPlatform:Dlp:Rules:0:Tools:0"] = "memory_*",
    };

    private static HashSet<string>? ProposedNames(string path)
    {
        try
        {
            return File.Exists(path) ? ManifestDocument.Load(path).Tools.Select(tool => tool.Name).ToHashSet(StringComparer.Ordinal) : null;
        }
        catch (Exception failure) when (failure is IOException or ManifestFormatException)
        {
            return null; // being written
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal runtime";
}

/// <summary>Small helpers the runtime tests share.</summary>
internal static class Results
{
    public static string Text(ModelContextProtocol.Protocol.CallToolResult result) =>
        string.Join("\n", result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(block => block.Text));

    public static async Task<string[]> ToolNamesAsync(this McpClient client) =>
        [.. (await client.ListToolsAsync()).Select(tool => tool.Name).Order(StringComparer.Ordinal)];
}
