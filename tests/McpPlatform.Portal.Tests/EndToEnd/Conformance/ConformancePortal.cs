using McpPlatform.Conformance.Tests;
using McpPlatform.Portal.Tests.EndToEnd.Portal;

namespace McpPlatform.Portal.Tests.EndToEnd.Conformance;

/// <summary>
/// The conformance fixture (the server the official suite runs against directly, in McpPlatform.Conformance.Tests) as
/// the one upstream of a portal, which the suite then runs against. Like the direct run, authentication is off (the
/// suite sends no token; only Development allows that) and sessions are stateful (sampling, elicitation and logging
/// travel server to client).
/// </summary>
public sealed class ConformancePortal : IAsyncLifetime
{
    /// <summary>The upstream's namespace.</summary>
    public const string Namespace = "conformance";

    private readonly FixtureServer _fixture = new();
    private PortalHost? _portal;

    /// <summary>The portal's MCP endpoint.</summary>
    public Uri McpEndpoint => (_portal ?? throw new InvalidOperationException("not started")).McpUri;

    /// <summary>The fixture's own endpoint, for the direct baseline.</summary>
    public Uri FixtureEndpoint => _fixture.McpEndpoint;

    /// <summary>What the fixture logged, for failure messages.</summary>
    public string FixtureOutput() => _fixture.OutputTail();

    public async Task InitializeAsync()
    {
        await _fixture.InitializeAsync();
        var settings = new PortalSettings()
            .HttpUpstream(Namespace, _fixture.McpEndpoint)
            .Set("McpPlatform:Authentication:Enabled", "false")
            .Set("McpPlatform:SessionMode", "Stateful");
        _portal = await PortalHost.StartApprovedAsync(settings, [Namespace + "_test_simple_text"]);
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
