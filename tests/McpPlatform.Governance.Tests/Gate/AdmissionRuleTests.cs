using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Tests.Gate;

/// <summary>
/// Admission rules (a portal's audiences, quarantine) run before policy: what they refuse is neither shown
/// nor callable, also when a policy rule would grant it and when governance is off, and the refusal is
/// audited under the rule it names.
/// </summary>
public sealed class AdmissionRuleTests
{
    private static readonly McpToolDescriptor Poisoned = GateRig.Tool("jira_search", ToolAccess.Read, ToolOrigin.Upstream);

    [Fact]
    public async Task A_refused_tool_is_denied_under_the_rules_name_before_policy_is_asked()
    {
        await using var rig = GateRig.Start(admissionRules: [new QuarantineOf("jira_search")], tools: [GateRig.SearchIssues, Poisoned]);
        var record = GateRig.NewRecord("1");

        using var outcome = await rig.Gate.AdmitAsync(GateRig.Engineer, Poisoned, GateRig.Note("x"), record, CancellationToken.None);

        var denied = Assert.IsType<GateOutcome.Denied>(outcome);
        Assert.Equal("quarantine", denied.Rule);
        Assert.Contains("description changed", denied.RefusalMessage);
        Assert.False(rig.Gate.Decide(GateRig.Engineer, Poisoned).Allowed);
        await rig.WriteAsync(record);
        var request = Assert.Single((await rig.CloseAsync()).OfKind(AuditRecord.RequestKind));
        Assert.Equal(AuditOutcomes.Denied, request.Field(AuditFields.Outcome));
        Assert.Equal("quarantine", request.Field(AuditFields.Rule));
    }

    [Fact]
    public async Task Tools_the_rule_has_nothing_against_are_decided_by_policy_as_before()
    {
        await using var rig = GateRig.Start(admissionRules: [new QuarantineOf("jira_search")], tools: [GateRig.SearchIssues, Poisoned]);

        Assert.Equal(PolicyDecisionIds.DefaultRead, rig.Gate.Decide(GateRig.Reader, GateRig.SearchIssues).Rule);
        Assert.Equal(PolicyDecisionIds.DefaultDenyWrites, rig.Gate.Decide(GateRig.Reader, GateRig.CreateIssue).Rule);
    }

    [Fact]
    public async Task Admission_rules_hold_when_governance_is_off()
    {
        await using var rig = GateRig.Start(governed: false, admissionRules: [new QuarantineOf("jira_search")], tools: [GateRig.SearchIssues, Poisoned]);

        Assert.Equal("quarantine", rig.Gate.Decide(CallerIdentity.Anonymous, Poisoned).Rule);
        Assert.Equal("governance-off", rig.Gate.Decide(CallerIdentity.Anonymous, GateRig.SearchIssues).Rule);
    }

    private sealed class QuarantineOf(string name) : IToolAdmissionRule
    {
        public PolicyDecision? Refuse(CallerIdentity caller, McpToolDescriptor tool) =>
            tool.Name == name
                ? new PolicyDecision(false, tool.Name, tool.Access, "quarantine", $"Tool '{tool.Name}' is quarantined: its description changed since it was approved.", [])
                : null;
    }
}
