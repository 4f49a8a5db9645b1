namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>An upstream's budget of calls per minute is shared by every caller and refused like the platform's own limits.</summary>
[Collection(PortalCollection.Name)]
public sealed class UpstreamRateLimitTests(PortalFixture fixture)
{
    private PortalHost Portal => fixture.Portal;

    [Fact]
    public async Task Calls_over_an_upstreams_budget_are_refused_as_rate_limited_across_callers()
    {
        await using var analyst = await Portal.ConnectAsync(PortalCaller.Analyst);
        await using var engineer = await Portal.ConnectAsync(PortalCaller.Engineer);

        // limited: 2 calls a minute, whoever calls (this is the only test that calls it).
        var first = await analyst.CallToolAsync("limited_lookup", new Dictionary<string, object?> { ["query"] = "1" });
        var second = await engineer.CallToolAsync("limited_lookup", new Dictionary<string, object?> { ["query"] = "2" });
        var third = await analyst.CallToolAsync("limited_lookup", new Dictionary<string, object?> { ["query"] = "rate-3" });

        Assert.NotEqual(true, first.IsError);
        Assert.NotEqual(true, second.IsError);
        Assert.True(third.IsError);
        Assert.StartsWith("Rate limited: too many calls to upstream 'limited'", Results.Text(third));

        // The same tool under another namespace has its own budget.
        Assert.NotEqual(true, (await analyst.CallToolAsync("lab_lookup", new Dictionary<string, object?> { ["query"] = "x" })).IsError);

        await PortalHost.Eventually(
            () => Portal.AuditRecords().Any(r => r.TryGetProperty("Arguments", out var a) && a.GetString()!.Contains("rate-3", StringComparison.Ordinal)
                && r.GetProperty("Kind").GetString() == "request" && r.GetProperty("Outcome").GetString() == "rate_limited"),
            "the refused call is audited as rate_limited");
    }
}
