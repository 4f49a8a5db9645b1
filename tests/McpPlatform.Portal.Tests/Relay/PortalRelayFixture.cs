using McpPlatform.Governance.Manifest;
using McpPlatform.Portal.Tests.Runtime;

namespace McpPlatform.Portal.Tests.Relay;

/// <summary>
/// The relay in a portal built the product's way (<c>AddMcpPortal</c>/<c>MapMcpPortal</c>, stateful): upstream
/// <c>everything</c> (the real server-everything, launched over stdio) proposed, approved, and offered after a restart,
/// so its tools are the portal's own <c>UpstreamMcpTool</c>s.
/// </summary>
public sealed class PortalRelayFixture : IAsyncLifetime
{
    public const string LongRunning = "everything_trigger-long-running-operation";
    public const string Elicit = "everything_trigger-elicitation-request";

    private readonly TemporaryFolder _folder = new();

    public PortalHost Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["McpPlatform:SessionMode"] = "Stateful",
            ["McpPlatform:Portal:Upstreams:everything:Command"] = RepositoryLayout.NodeExecutable(),
            ["McpPlatform:Portal:Upstreams:everything:Arguments:0"] = RelayPortal.EverythingServer,
            ["McpPlatform:Portal:Upstreams:everything:Arguments:1"] = "stdio",
            ["McpPlatform:Portal:Upstreams:everything:AllowedTools:0"] = "*",

            // The elicitation tool is not read-only (Write): engineers may call it.
            ["McpPlatform:Policy:Rules:0:Name"] = "engineering-writes",
            ["McpPlatform:Policy:Rules:0:Groups:0"] = "engineering",
            ["McpPlatform:Policy:Rules:0:Tools:0"] = "*",
            ["McpPlatform:Policy:Rules:0:Access:0"] = "Write",
            ["McpPlatform:Policy:Rules:0:Scopes:0"] = "mcp:write",
        };

        // The unapproved portal proposes the upstream's tools (the elicitation tool only because the portal's client
        // declares elicitation to the upstream); what 'mcp-platform manifest approve' does; the approved portal.
        await using (var unapproved = await PortalHost.StartAsync(_folder.Path, settings))
        {
            await PortalHost.Eventually(
                () => File.Exists(unapproved.ProposalPath) && File.ReadAllText(unapproved.ProposalPath) is var text && text.Contains(LongRunning, StringComparison.Ordinal) && text.Contains(Elicit, StringComparison.Ordinal),
                "the unapproved portal proposes server-everything's tools",
                seconds: 30);
        }

        var proposal = ManifestDocument.Load(_folder.Combine(ManifestFiles.ManifestFileName));
        ApprovedManifest.Create(proposal, "reviewer@example.com", DateTimeOffset.UtcNow, "relay tests").Write(_folder.Combine(ManifestFiles.ApprovedFileName));
        Portal = await PortalHost.StartAsync(_folder.Path, settings);
        await PortalHost.Eventually(
            () => Portal.Quarantine.ReasonFor(LongRunning) is null && Portal.Quarantine.ReasonFor(Elicit) is null,
            "the approved portal verified server-everything's tools",
            () => $"{Elicit}: {Portal.Quarantine.ReasonFor(Elicit)}",
            seconds: 30);
    }

    /// <summary>The official C# client as an engineer, with <paramref name="options"/> (handlers).</summary>
    public Task<ModelContextProtocol.Client.McpClient> ConnectAsync(ModelContextProtocol.Client.McpClientOptions? options = null) =>
        ModelContextProtocol.Client.McpClient.CreateAsync(
            new ModelContextProtocol.Client.HttpClientTransport(new ModelContextProtocol.Client.HttpClientTransportOptions
            {
                Endpoint = Portal.McpUri,
                TransportMode = ModelContextProtocol.Client.HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Portal.Token(PortalCaller.Engineer) },
            }),
            options);

    public async Task DisposeAsync()
    {
        if (Portal is not null)
        {
            await Portal.DisposeAsync();
        }

        _folder.Dispose();
    }
}
