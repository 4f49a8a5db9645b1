using System.Text.Json;
using McpPlatform.Governance.Approval;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Tools;
using static McpPlatform.Testing.PolicyExamples;

namespace McpPlatform.Governance.Tests.Approval;

public sealed class ApprovalPolicyTests
{
    private static readonly McpToolDescriptor DeleteIssue = NewDescriptor("delete_issue", "issues", ToolAccess.Destructive);
    private static readonly McpToolDescriptor CreateIssue = NewDescriptor("create_issue", "issues", ToolAccess.Write);
    private static readonly McpToolDescriptor HrUpdate = NewDescriptor("hr_update_salary", "hr", ToolAccess.Write);

    [Fact]
    public void Every_destructive_tool_needs_approval_by_default_and_a_write_does_not()
    {
        var policy = new ApprovalPolicy(new ApprovalOptions());

        Assert.Equal(ApprovalPolicy.DefaultDestructiveRule, policy.RequiringRule(Caller(), DeleteIssue));
        Assert.Null(policy.RequiringRule(Caller(), CreateIssue));
        Assert.Equal(TimeSpan.FromSeconds(120), policy.Timeout);
    }

    [Fact]
    public void The_first_matching_rule_decides_so_an_exemption_for_a_group_comes_before_wider_rules()
    {
        var policy = new ApprovalPolicy(new ApprovalOptions
        {
            Rules =
            [
                new ApprovalRule { Name = "oncall-exempt", Tools = ["delete_issue"], Groups = ["oncall"], Require = false },
                new ApprovalRule { Name = "hr-writes", Upstreams = ["hr"], Access = ["Write", "Destructive"] },
                new ApprovalRule { Name = "issue-writes", Tools = ["issues/*"], Access = ["write"] },
            ],
        });

        Assert.Null(policy.RequiringRule(Caller(groups: ["OnCall"]), DeleteIssue));
        Assert.Equal(ApprovalPolicy.DefaultDestructiveRule, policy.RequiringRule(Caller(groups: ["engineering"]), DeleteIssue));
        Assert.Equal("hr-writes", policy.RequiringRule(Caller(), HrUpdate));
        Assert.Equal("issue-writes", policy.RequiringRule(Caller(), CreateIssue));
        Assert.Null(policy.RequiringRule(Caller(), NewDescriptor("get_issue", "issues", ToolAccess.Read)));
    }

    [Fact]
    public void Switched_off_nothing_is_asked_and_without_the_default_only_rules_ask()
    {
        Assert.Null(new ApprovalPolicy(new ApprovalOptions { Enabled = false }).RequiringRule(Caller(), DeleteIssue));
        Assert.Null(new ApprovalPolicy(new ApprovalOptions { RequireForDestructive = false }).RequiringRule(Caller(), DeleteIssue));
    }

    [Fact]
    public void Bad_settings_are_refused_naming_each_setting()
    {
        var problems = ApprovalOptionsValidator.Problems(new ApprovalOptions
        {
            TimeoutSeconds = 0,
            Rules =
            [
                new ApprovalRule { Name = "", Tools = ["x"] },
                new ApprovalRule { Name = "a", Access = ["Delete"] },
                new ApprovalRule { Name = "a", Tools = ["y"] },
                new ApprovalRule { Name = "empty" },
            ],
        });

        Assert.Equal(
            [
                "McpPlatform:Approval:TimeoutSeconds must be between 1 and 3600 (got 0).",
                "McpPlatform:Approval:Rules:0:Name is required.",
                "McpPlatform:Approval:Rules:1:Access 'Delete' is not Read, Write or Destructive.",
                "McpPlatform:Approval:Rules:2:Name 'a' is used by another approval rule.",
                "McpPlatform:Approval:Rules:3 ('empty') names no Tools, Access, Upstreams or Groups; use Tools [\"*\"] to cover every call.",
            ],
            problems);
        Assert.Throws<ArgumentException>(() => new ApprovalPolicy(new ApprovalOptions { TimeoutSeconds = 7200 }));
    }

    [Fact]
    public void The_question_names_tool_access_and_arguments_and_hashes_what_it_shows()
    {
        var arguments = new Dictionary<string, JsonElement>
        {
            ["key"] = JsonSerializer.SerializeToElement("PROJ-1"),
            ["reason"] = JsonSerializer.SerializeToElement(new string('x', 300)),
        };

        var question = ApprovalQuestion.Create(Caller(), DeleteIssue, ToolAccess.Destructive, "default-destructive", arguments, TimeSpan.FromSeconds(5));

        Assert.StartsWith("Approve this call? Tool 'delete_issue' (Destructive).\nArguments:\n- key: \"PROJ-1\"\n- reason: \"xxx", question.Message, StringComparison.Ordinal);
        Assert.EndsWith("...", question.Message, StringComparison.Ordinal);
        Assert.True(question.Message.Length < 400, "A long value is cut.");
        Assert.Equal(CanonicalJson.Sha256(JsonSerializer.SerializeToElement(arguments)), question.ArgumentsSha256);
        Assert.NotEqual(question.ArgumentsSha256, ApprovalQuestion.ArgumentsSha256(new Dictionary<string, JsonElement> { ["key"] = JsonSerializer.SerializeToElement("PROJ-2") }));
    }

    [Fact]
    public void Approval_fields_are_hashed_when_present_and_leave_earlier_records_hashing_as_before()
    {
        var key = AuditChainKey.FromSecret(AuditChainKey.NewSecret());
        var replicaOnly = Fields();
        replicaOnly[AuditFields.Replica] = "pod-1";
        var withApproval = new Dictionary<string, object?>(replicaOnly) { [AuditFields.Approval] = "approved", [AuditFields.ApprovedBy] = "alice" };
        var otherApprover = new Dictionary<string, object?>(withApproval) { [AuditFields.ApprovedBy] = "mallory" };

        // The optional fields a replica's record had before approvals existed, in their order: its hash is unchanged.
        Assert.Equal(["Upstream", "UpstreamMs", "Replica"], AuditFields.HashedWhenPresent);
        Assert.Equal(AuditChain.ComputeHash(replicaOnly, key), AuditChain.ComputeHash(new Dictionary<string, object?>(replicaOnly) { [AuditFields.Approval] = null }, key));
        Assert.NotEqual(AuditChain.ComputeHash(replicaOnly, key), AuditChain.ComputeHash(withApproval, key));
        Assert.NotEqual(AuditChain.ComputeHash(withApproval, key), AuditChain.ComputeHash(otherApprover, key));
    }

    private static Dictionary<string, object?> Fields()
    {
        var fields = AuditFields.Hashed.ToDictionary(f => f, f => (object?)null);
        fields[AuditFields.AuditSchema] = AuditFields.SchemaVersion;
        fields[AuditFields.Seq] = 1L;
        fields[AuditFields.Tool] = "delete_issue";
        return fields;
    }
}
