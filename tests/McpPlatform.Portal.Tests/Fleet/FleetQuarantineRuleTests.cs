using McpPlatform.Governance.Policy;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Tools;
using McpPlatform.Portal.Fleet;
using McpPlatform.Portal.Manifest;
using McpPlatform.Portal.Quarantine;

namespace McpPlatform.Portal.Tests.Fleet;

/// <summary>
/// The quarantine rule's fleet part on its own (what Redis answered is applied by hand): another replica's hold refuses a
/// tool this replica offers; while the fleet's state is unknown, writes fail closed and reads follow ReadsWhenUnavailable.
/// The Redis round trips themselves are covered by <see cref="PortalFleetQuarantineTests"/>.
/// </summary>
public sealed class FleetQuarantineRuleTests
{
    private static readonly CallerIdentity Caller = new() { Subject = "erin", Groups = ["engineering"], Scopes = ["mcp:read", "mcp:write"] };

    [Theory]
    [InlineData(SharedStateReads.Allow, false)]
    [InlineData(SharedStateReads.Refuse, true)]
    public void Before_the_fleet_state_is_read_writes_are_quarantined_and_reads_follow_the_setting(SharedStateReads reads, bool readRefused)
    {
        var fleet = new FleetQuarantine(TimeSpan.FromMinutes(1), reads);
        var quarantine = Verified(fleet, "lab_note", "lab_update", "lab_purge");

        Assert.Equal(readRefused, quarantine.Refuse(Caller, Tool("lab_note", ToolAccess.Read)) is not null);
        foreach (var (name, access) in new[] { ("lab_update", ToolAccess.Write), ("lab_purge", ToolAccess.Destructive) })
        {
            var refusal = quarantine.Refuse(Caller, Tool(name, access));
            Assert.NotNull(refusal);
            Assert.Equal(UpstreamToolQuarantine.RuleName, refusal.Rule);
            Assert.Contains("(McpPlatform:Redis) is unavailable", refusal.Reason, StringComparison.Ordinal);
        }

        fleet.Apply(new Dictionary<string, string>(), manifestProblem: null);
        Assert.Null(quarantine.Refuse(Caller, Tool("lab_note", ToolAccess.Read)));
        Assert.Null(quarantine.Refuse(Caller, Tool("lab_update", ToolAccess.Write)));

        fleet.MarkUnavailable();
        Assert.NotNull(quarantine.Refuse(Caller, Tool("lab_update", ToolAccess.Write)));
        Assert.Equal(readRefused, quarantine.Refuse(Caller, Tool("lab_note", ToolAccess.Read)) is not null);
    }

    [Fact]
    public void Another_replicas_hold_refuses_the_tool_and_this_replicas_own_reason_comes_first()
    {
        var fleet = new FleetQuarantine(TimeSpan.FromMinutes(1), SharedStateReads.Allow);
        var quarantine = Verified(fleet, "lab_note", "lab_lookup");
        fleet.Apply(new Dictionary<string, string> { ["lab_note"] = "replica portal-a holds it: description changed since approval" }, manifestProblem: null);

        var refusal = quarantine.Refuse(Caller, Tool("lab_note", ToolAccess.Read));
        Assert.NotNull(refusal);
        Assert.Equal("Tool 'lab_note' is quarantined: replica portal-a holds it: description changed since approval.", refusal.Reason);
        Assert.Null(quarantine.Refuse(Caller, Tool("lab_lookup", ToolAccess.Read)));

        quarantine.Hold("lab_note", "input schema changed since approval");
        Assert.Contains("input schema changed", quarantine.Refuse(Caller, Tool("lab_note", ToolAccess.Read))!.Reason, StringComparison.Ordinal);
        Assert.Equal([new KeyValuePair<string, string>("lab_note", "input schema changed since approval")], quarantine.LocalHolds());

        quarantine.Release("lab_note");
        Assert.Empty(quarantine.LocalHolds());
        Assert.Contains("replica portal-a", quarantine.Refuse(Caller, Tool("lab_note", ToolAccess.Read))!.Reason, StringComparison.Ordinal);
    }

    private static UpstreamToolQuarantine Verified(FleetQuarantine fleet, params string[] tools)
    {
        var quarantine = new UpstreamToolQuarantine(OpenApiOperationPins.None, fleet);
        foreach (var tool in tools)
        {
            quarantine.Release(tool);
        }

        return quarantine;
    }

    private static McpToolDescriptor Tool(string name, ToolAccess access) => new()
    {
        Name = name,
        Description = name,
        Access = access,
        ToolSet = "lab",
        InputSchema = """{"type":"object"}""",
        Origin = ToolOrigin.Upstream,
    };
}
