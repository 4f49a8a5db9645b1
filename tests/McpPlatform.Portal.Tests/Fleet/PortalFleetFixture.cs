using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Manifest;
using McpPlatform.Portal.Tests.Runtime;
using McpPlatform.Testing;

namespace McpPlatform.Portal.Tests.Fleet;

/// <summary>
/// What the portal fleet tests share: a real redis-server, two lab upstreams with the same tools (one per replica, so a
/// drift can be seen by one replica only, as when an upstream's own replicas disagree), and two approvals made the
/// operator's way: <see cref="Approved"/> from an unapproved portal's proposal, and <see cref="OtherApproval"/> (the same
/// without <c>lab_purge</c>, approved later) for a replica deployed with another manifest.
/// </summary>
public sealed class PortalFleetFixture : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private int _portals;

    internal RedisServer Redis { get; private set; } = null!;

    public LabUpstream LabA { get; private set; } = null!;

    public LabUpstream LabB { get; private set; } = null!;

    public ApprovedManifest Approved { get; private set; } = null!;

    public ApprovedManifest OtherApproval { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        LabA = await LabUpstream.StartAsync();
        LabB = await LabUpstream.StartAsync();

        var proposalFolder = _folder.Combine("proposal");
        Directory.CreateDirectory(proposalFolder);
        await using (var unapproved = await PortalHost.StartAsync(proposalFolder, Settings(LabA, "proposal", "proposal")))
        {
            await PortalHost.Eventually(
                () => Proposed(unapproved.ProposalPath) is { } names && names.Contains("lab_note") && names.Contains("lab_purge"),
                "the unapproved portal proposes the lab's tools",
                seconds: 30);
        }

        var proposalText = await File.ReadAllTextAsync(Path.Combine(proposalFolder, ManifestFiles.ManifestFileName));
        Approved = ApprovedManifest.Create(ManifestDocument.Parse(proposalText, "proposal"), PortalFixture.Reviewer, DateTimeOffset.UtcNow.AddMinutes(-10), "fleet tests");
        OtherApproval = ApprovedManifest.Create(WithoutTool(proposalText, "lab_purge"), PortalFixture.Reviewer, DateTimeOffset.UtcNow, "fleet tests, later");
    }

    /// <summary>Starts a portal replica over <paramref name="lab"/> sharing Redis under <paramref name="keyPrefix"/>, running <paramref name="approval"/>.</summary>
    public async Task<PortalHost> StartReplicaAsync(
        string replica, LabUpstream lab, string keyPrefix, ApprovedManifest? approval = null, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var folder = _folder.Combine($"{replica}-{Interlocked.Increment(ref _portals)}");
        Directory.CreateDirectory(folder);
        (approval ?? Approved).Write(Path.Combine(folder, ManifestFiles.ApprovedFileName));
        var settings = Settings(lab, replica, keyPrefix, Redis.Configuration);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return await PortalHost.StartAsync(folder, settings);
    }

    public async Task DisposeAsync()
    {
        if (LabA is not null)
        {
            await LabA.DisposeAsync();
        }

        if (LabB is not null)
        {
            await LabB.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        _folder.Dispose();
    }

    private static Dictionary<string, string?> Settings(LabUpstream lab, string replica, string keyPrefix, string? redis = null) => new()
    {
        ["McpPlatform:Portal:Upstreams:lab:Url"] = lab.Url.AbsoluteUri,
        ["McpPlatform:Portal:Upstreams:lab:AllowedTools:0"] = "*",
        ["McpPlatform:Portal:Upstreams:lab:Timeout"] = "00:00:10",
        ["McpPlatform:Policy:Rules:0:Name"] = "engineering-writes",
        ["McpPlatform:Policy:Rules:0:Groups:0"] = "engineering",
        ["McpPlatform:Policy:Rules:0:Tools:0"] = "*",
        ["McpPlatform:Policy:Rules:0:Access:0"] = "Write",
        ["McpPlatform:Policy:Rules:0:Scopes:0"] = "mcp:write",
        ["McpPlatform:Audit:ReplicaId"] = replica,
        ["McpPlatform:Redis:Configuration"] = redis,
        ["McpPlatform:Redis:KeyPrefix"] = keyPrefix + ":",
        ["McpPlatform:Redis:QuarantineHoldLifetime"] = "00:00:01.500",
    };

    /// <summary>The proposal as a reviewer who left <paramref name="tool"/> out would approve it (hash recomputed).</summary>
    private static ManifestDocument WithoutTool(string proposalText, string tool)
    {
        var root = JsonNode.Parse(proposalText)!.AsObject();
        var tools = root["tools"]!.AsArray();
        tools.Remove(tools.Single(entry => entry!["name"]!.GetValue<string>() == tool));
        using var document = JsonDocument.Parse(root.ToJsonString());
        root["hash"] = ManifestDocument.ComputeHash(document.RootElement);
        return ManifestDocument.Parse(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "edited proposal");
    }

    private static HashSet<string>? Proposed(string path)
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
