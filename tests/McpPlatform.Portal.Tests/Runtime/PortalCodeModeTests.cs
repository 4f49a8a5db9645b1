namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>Code Mode across every upstream: two tools, inner calls through the gate one by one.</summary>
[Collection(PortalCollection.Name)]
public sealed class PortalCodeModeTests(PortalFixture fixture)
{
    private const string CodeMode = "/mcp?codemode=search_and_execute";

    private PortalHost Portal => fixture.Portal;

    [Fact]
    public async Task Code_mode_offers_exactly_search_and_execute()
    {
        await using var engineer = await Portal.ConnectAsync(PortalCaller.Engineer, CodeMode);
        Assert.Equal(["execute", "search"], await engineer.ToolNamesAsync());
    }

    [Fact]
    public async Task Search_finds_upstream_tools_of_every_upstream()
    {
        await using var engineer = await Portal.ConnectAsync(PortalCaller.Engineer, CodeMode);
        var found = await engineer.CallToolAsync("search", new Dictionary<string, object?>
        {
            ["code"] = "async () => (await codemode.tools()).map(t => t.name).join(',')",
        });

        var text = Results.Text(found);
        Assert.NotEqual(true, found.IsError);
        Assert.Contains("lab_lookup", text);
        Assert.Contains("memory_read_graph", text);
        Assert.DoesNotContain("lab_purge", text); // only what this caller may call
    }

    [Fact]
    public async Task Execute_calls_an_upstream_tool_through_the_gate()
    {
        await using var analyst = await Portal.ConnectAsync(PortalCaller.Analyst, CodeMode);
        var result = await analyst.CallToolAsync("execute", new Dictionary<string, object?>
        {
            ["code"] = "async () => await codemode.lab_lookup({ query: 'inside execute' })",
        });

        Assert.NotEqual(true, result.IsError);
        Assert.Contains("lab found 'inside execute'", Results.Text(result));
        await PortalHost.Eventually(
            () => Portal.AuditRecords().Any(r => r.TryGetProperty("ParentId", out _) && r.TryGetProperty("Upstream", out var upstream)
                && upstream.GetString() == "lab" && r.GetProperty("Arguments").GetString()!.Contains("inside execute", StringComparison.Ordinal)),
            "the inner call is audited on its own with its upstream");
    }

    [Fact]
    public async Task Denied_write_stays_denied_inside_execute()
    {
        await using var analyst = await Portal.ConnectAsync(PortalCaller.Analyst, CodeMode);
        var result = await analyst.CallToolAsync("execute", new Dictionary<string, object?>
        {
            ["code"] = "async () => { try { return await codemode.lab_update({ text: 'sneaky' }); } catch (e) { return 'refused: ' + e.message; } }",
        });

        var text = Results.Text(result);
        Assert.Contains("denied by policy", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lab updated", text);
    }
}
