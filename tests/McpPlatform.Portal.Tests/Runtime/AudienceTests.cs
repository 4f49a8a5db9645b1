namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>
/// The source document's two portals from one host: finance sees just the read-only tools of one upstream, engineering
/// sees read and write tools; each endpoint narrows what policy grants, for lists and calls alike.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AudienceTests(PortalFixture fixture)
{
    private PortalHost Portal => fixture.Portal;

    [Fact]
    public async Task Finance_sees_only_the_read_tools_of_lab()
    {
        await using var analyst = await Portal.ConnectAsync(PortalCaller.Analyst, "/finance/mcp");
        Assert.Equal(["lab_lookup", "lab_note"], await analyst.ToolNamesAsync());

        // Even an engineer, whom policy lets write, gets only lab's reads here.
        await using var engineer = await Portal.ConnectAsync(PortalCaller.Engineer, "/finance/mcp");
        Assert.Equal(["lab_lookup", "lab_note"], await engineer.ToolNamesAsync());
    }

    [Fact]
    public async Task Finance_endpoint_refuses_a_tool_outside_its_audience_naming_the_audience()
    {
        await using var engineer = await Portal.ConnectAsync(PortalCaller.Engineer, "/finance/mcp");

        var write = await engineer.CallToolAsync("lab_update", new Dictionary<string, object?> { ["text"] = "x" });
        var otherUpstream = await engineer.CallToolAsync("memory_read_graph", new Dictionary<string, object?>());

        Assert.True(write.IsError);
        Assert.Contains("audience:finance", Results.Text(write));
        Assert.Contains("offers only Read tools", Results.Text(write));
        Assert.True(otherUpstream.IsError);
        Assert.Contains("does not offer 'memory_read_graph'", Results.Text(otherUpstream));
    }

    [Fact]
    public async Task Engineering_sees_read_and_write_tools_but_not_destructive_ones()
    {
        await using var engineer = await Portal.ConnectAsync(PortalCaller.Engineer, "/engineering/mcp");
        var names = await engineer.ToolNamesAsync();

        Assert.Contains("lab_lookup", names);
        Assert.Contains("lab_update", names);
        Assert.Contains("memory_create_entities", names);
        Assert.DoesNotContain("lab_purge", names);

        var updated = await engineer.CallToolAsync("lab_update", new Dictionary<string, object?> { ["text"] = "calibrated" });
        Assert.Equal("lab updated to 'calibrated'", Results.Text(updated));
    }

    [Fact]
    public async Task Engineering_endpoint_offers_nothing_to_a_caller_outside_its_groups()
    {
        await using var analyst = await Portal.ConnectAsync(PortalCaller.Analyst, "/engineering/mcp");

        Assert.Empty(await analyst.ToolNamesAsync());
        var refused = await analyst.CallToolAsync("lab_lookup", new Dictionary<string, object?> { ["query"] = "x" });
        Assert.True(refused.IsError);
        Assert.Contains("audience:engineering", Results.Text(refused));
        Assert.Contains("for members of engineering", Results.Text(refused));
    }

    [Fact]
    public async Task Audience_refusals_are_audited_under_the_audience_rule()
    {
        await using var analyst = await Portal.ConnectAsync(PortalCaller.Analyst, "/finance/mcp");
        await analyst.CallToolAsync("limited_lookup", new Dictionary<string, object?> { ["query"] = "audience-audit" });

        await PortalHost.Eventually(
            () => Portal.AuditRecords().Any(r => r.TryGetProperty("Rule", out var rule) && rule.GetString() == "audience:finance"
                && r.TryGetProperty("Tool", out var tool) && tool.GetString() == "limited_lookup"),
            "the refusal is audited as audience:finance");
    }
}
