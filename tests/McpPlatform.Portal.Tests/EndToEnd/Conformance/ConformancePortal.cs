using McpPlatform.Conformance.Tests;
using McpPlatform.Portal.Tests.EndToEnd.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Portal.Tests.EndToEnd.Conformance;

/// <summary>
/// The conformance fixture (the server the official suite runs against directly, in McpPlatform.Conformance.Tests) behind
/// a portal, which the suite then runs against. Like the direct run, authentication is off (the suite sends no token;
/// only Development allows that) and sessions are stateful (sampling, elicitation and logging travel server to client).
/// </summary>
/// <remarks>
/// The suite calls tools by fixed names (<c>test_simple_text</c>, <c>json_schema_2020_12_tool</c>), while the portal
/// offers every upstream tool as <c>{namespace}_{name}</c>. The portal's own configuration bridges that, as an operator
/// would: the fixture is the upstream <c>test</c> with each <c>test_X</c> aliased to <c>X</c> (offered as <c>test_X</c>
/// again), and also the upstream <c>json</c> offering only <c>json_schema_2020_12_tool</c>, aliased to
/// <c>schema_2020_12_tool</c>. Resources and prompts likewise: the upstream <c>test</c> offers its <c>test://</c> URIs
/// unchanged (<c>ResourceUris</c>) and each prompt <c>test_X</c> aliased to <c>X</c> (<c>PromptAliases</c>). No name is
/// rewritten outside the portal.
/// </remarks>
public sealed class ConformancePortal : IAsyncLifetime
{
    private const string TestNamespace = "test";
    private const string JsonNamespace = "json";
    private const string JsonSchemaTool = "json_schema_2020_12_tool";
    private const string FixtureUriPrefix = "test://";

    private readonly FixtureServer _fixture = new();
    private PortalHost? _portal;

    /// <summary>The portal's MCP endpoint.</summary>
    public Uri McpEndpoint => (_portal ?? throw new InvalidOperationException("not started")).McpUri;

    /// <summary>What the fixture logged, for failure messages.</summary>
    public string FixtureOutput() => _fixture.OutputTail();

    public async Task InitializeAsync()
    {
        await _fixture.InitializeAsync();
        IReadOnlyList<string> fixtureTools;
        IReadOnlyList<string> fixturePrompts;
        await using (var direct = await PortalHost.ConnectAsync(_fixture.McpEndpoint, token: null))
        {
            fixtureTools = (await direct.ListToolsAsync()).Select(t => t.Name).ToList();
            fixturePrompts = (await direct.ListPromptsAsync()).Select(p => p.Name).ToList();
        }

        var settings = new PortalSettings()
            .HttpUpstream(TestNamespace, _fixture.McpEndpoint, allowedTools: fixtureTools.Where(t => t.StartsWith(TestNamespace + "_", StringComparison.Ordinal)).ToArray())
            .HttpUpstream(JsonNamespace, _fixture.McpEndpoint, allowedTools: [JsonSchemaTool])
            .Upstream(JsonNamespace, "Aliases:" + JsonSchemaTool, JsonSchemaTool[(JsonNamespace.Length + 1)..])
            .Set("McpPlatform:Authentication:Enabled", "false")
            .Set("McpPlatform:SessionMode", "Stateful");

        // As the fixture's own Program.cs does: server-sse-polling ends a tool's SSE stream mid-call and expects the
        // client to resume it with Last-Event-ID, which needs an event stream store.
        settings.Server = mcp =>
        {
            mcp.Services.AddDistributedMemoryCache();
#pragma warning disable MCP9006 // stateful Streamable HTTP is what the 2025-11-25 conformance scenarios exercise
            mcp.WithDistributedCacheEventStreamStore();
#pragma warning restore MCP9006
        };
        // Resources and prompts the same way: the fixture's test:// URIs are offered as they are (ResourceUris), and each
        // prompt test_X is aliased to X (PromptAliases), offered as test_X again.
        settings.Upstream(TestNamespace, "ResourceUris:0:Upstream", FixtureUriPrefix).Upstream(TestNamespace, "ResourceUris:0:Offered", FixtureUriPrefix);
        foreach (var prompt in fixturePrompts.Where(p => p.StartsWith(TestNamespace + "_", StringComparison.Ordinal)))
        {
            settings.Upstream(TestNamespace, "PromptAliases:" + prompt, prompt[(TestNamespace.Length + 1)..]);
        }

        foreach (var tool in fixtureTools.Where(t => t.StartsWith(TestNamespace + "_", StringComparison.Ordinal)))
        {
            settings.Upstream(TestNamespace, "Aliases:" + tool, tool[(TestNamespace.Length + 1)..]);
        }

        _portal = await PortalHost.StartApprovedAsync(settings, ["test_simple_text", JsonSchemaTool]);
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        await _fixture.DisposeAsync();
    }
}
