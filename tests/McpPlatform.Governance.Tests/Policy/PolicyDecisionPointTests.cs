using McpPlatform.Governance.Policy;
using static McpPlatform.Testing.PolicyExamples;

namespace McpPlatform.Governance.Tests.Policy;

public sealed class PolicyDecisionPointTests
{
    private readonly PolicyDecisionPoint _policy = DecisionPoint();

    [Fact]
    public void Read_tool_is_allowed_by_default_read_for_a_caller_with_the_read_scope()
    {
        var decision = _policy.Decide(Caller(), Descriptor("get_issue"));

        Assert.True(decision.Allowed);
        Assert.Equal("default-read", decision.Rule);
        Assert.Equal(ToolAccess.Read, decision.Access);
        Assert.Equal("get_issue", decision.Tool);
        Assert.Empty(decision.MissingScopes);
        Assert.Equal("Tool 'get_issue' (Read) is allowed: Read tools are open to every caller with scope 'mcp:read' (default-read).", decision.Reason);
    }

    [Theory]
    [InlineData("get_issue")]
    [InlineData("create_issue")]
    [InlineData("delete_issue")]
    [InlineData("legacy_sync")]
    public void Every_tool_is_denied_without_the_read_scope(string tool)
    {
        var decision = _policy.Decide(Caller(scopes: ["mcp:write", "mcp:destructive"], groups: ["engineering", "sre"]), Descriptor(tool));

        Assert.False(decision.Allowed);
        Assert.Equal("missing-read-scope", decision.Rule);
        Assert.EndsWith("is denied: the token lacks scope 'mcp:read', which every tool call needs.", decision.Reason);
    }

    [Fact]
    public void Anonymous_caller_is_denied_everything_as_missing_the_read_scope()
    {
        foreach (var tool in Catalog)
        {
            var decision = _policy.Decide(CallerIdentity.Anonymous, tool);

            Assert.False(decision.Allowed);
            Assert.Equal("missing-read-scope", decision.Rule);
            Assert.DoesNotContain("anonymous", decision.Reason);
        }

        Assert.Empty(_policy.VisibleTools(CallerIdentity.Anonymous));
    }

    [Fact]
    public void Missing_read_scope_is_reported_as_missing_only_when_step_up_would_allow_the_call()
    {
        Assert.Equal(["mcp:read"], _policy.Decide(Caller(scopes: []), Descriptor("get_issue")).MissingScopes);
        Assert.Equal(["mcp:read", "mcp:write"], _policy.Decide(Engineer(), Descriptor("create_issue")).MissingScopes);
        Assert.Equal(["mcp:read"], _policy.Decide(Engineer("mcp:write"), Descriptor("create_issue")).MissingScopes);
        Assert.Empty(_policy.Decide(Caller(scopes: []), Descriptor("create_issue")).MissingScopes);
    }

    [Fact]
    public void Write_tool_is_denied_without_a_granting_rule()
    {
        var decision = _policy.Decide(Caller(scopes: ["mcp:read", "mcp:write"]), Descriptor("create_issue"));

        Assert.False(decision.Allowed);
        Assert.Equal("default-deny-writes", decision.Rule);
        Assert.Equal(ToolAccess.Write, decision.Access);
        Assert.Empty(decision.MissingScopes);
        Assert.Equal(
            "Tool 'create_issue' (Write) is denied: writes are denied unless a rule grants them, and no rule grants Write on it to this caller. "
            + "Granted by: 'engineering-write' (scopes: mcp:write).",
            decision.Reason);
    }

    [Fact]
    public void Write_tool_no_rule_covers_says_so()
    {
        var decision = _policy.Decide(Caller(), Descriptor("refund_invoice"));

        Assert.Equal("default-deny-writes", decision.Rule);
        Assert.EndsWith("No rule grants Write on it; a grant is added in McpPlatform:Policy:Rules.", decision.Reason);
    }

    [Fact]
    public void Tool_without_a_declared_access_class_is_decided_as_a_write()
    {
        var decision = _policy.Decide(Caller(), Descriptor("legacy_sync"));

        Assert.False(decision.Allowed);
        Assert.Equal("default-deny-writes", decision.Rule);
        Assert.Equal(ToolAccess.Write, decision.Access);
        Assert.StartsWith("Tool 'legacy_sync' (Write) is denied", decision.Reason);
    }

    [Fact]
    public void Write_tool_is_allowed_by_a_rule_matching_group_claim_and_scope()
    {
        var decision = _policy.Decide(Engineer("mcp:read", "mcp:write"), Descriptor("create_issue"));

        Assert.True(decision.Allowed);
        Assert.Equal("engineering-write", decision.Rule);
        Assert.Equal("Tool 'create_issue' (Write) is allowed by rule 'engineering-write'.", decision.Reason);
    }

    [Fact]
    public void Group_names_match_ignoring_case()
    {
        var caller = Caller(["mcp:read", "mcp:write"], ["Engineering"], new() { ["device_managed"] = "true" });

        Assert.True(_policy.Decide(caller, Descriptor("create_issue")).Allowed);
    }

    [Fact]
    public void Write_rule_matched_without_its_scope_reports_the_missing_scope()
    {
        var decision = _policy.Decide(Engineer("mcp:read"), Descriptor("create_issue"));

        Assert.False(decision.Allowed);
        Assert.Equal("insufficient-scope", decision.Rule);
        Assert.Equal(["mcp:write"], decision.MissingScopes);
        Assert.Equal(
            "Tool 'create_issue' (Write) is denied: rule 'engineering-write' grants it, but the token lacks scope 'mcp:write'. Request a token with scope 'mcp:write'.",
            decision.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData("TRUE")]
    public void Write_rule_requires_its_claims(string? deviceManaged)
    {
        var claims = deviceManaged is null ? [] : new Dictionary<string, string> { ["device_managed"] = deviceManaged };
        var caller = Caller(["mcp:read", "mcp:write"], ["engineering"], claims);

        var decision = _policy.Decide(caller, Descriptor("create_issue"));

        Assert.False(decision.Allowed);
        Assert.Equal("default-deny-writes", decision.Rule);
        Assert.Empty(decision.MissingScopes);
    }

    [Fact]
    public void Destructive_tool_is_allowed_by_a_destructive_grant_with_the_destructive_scope()
    {
        var decision = _policy.Decide(Caller(["mcp:read", "mcp:destructive"], ["sre"]), Descriptor("restart_service"));

        Assert.True(decision.Allowed);
        Assert.Equal("sre-break-glass", decision.Rule);
        Assert.Equal(ToolAccess.Destructive, decision.Access);
    }

    [Fact]
    public void Destructive_grant_without_the_destructive_scope_asks_for_it()
    {
        var decision = _policy.Decide(Caller(["mcp:read", "mcp:write"], ["sre"]), Descriptor("restart_service"));

        Assert.False(decision.Allowed);
        Assert.Equal("insufficient-scope", decision.Rule);
        Assert.Equal(["mcp:destructive"], decision.MissingScopes);
    }

    [Fact]
    public void Destructive_tool_is_not_granted_by_a_write_grant()
    {
        var decision = _policy.Decide(Engineer("mcp:read", "mcp:write", "mcp:destructive"), Descriptor("delete_issue"));

        Assert.False(decision.Allowed);
        Assert.Equal("default-deny-destructive", decision.Rule);
        Assert.Equal(ToolAccess.Destructive, decision.Access);
        Assert.EndsWith("No rule grants Destructive on it; a grant is added in McpPlatform:Policy:Rules.", decision.Reason);
    }

    [Fact]
    public void Grants_are_explicit_per_access_class()
    {
        var writeOnly = EngineeringWrite();
        writeOnly.Access = ["Write"];
        var policy = DecisionPoint(new PolicyOptions { DefaultRead = false, Rules = [writeOnly] });
        var engineer = Engineer("mcp:read", "mcp:write");

        Assert.True(policy.Decide(engineer, Descriptor("create_issue")).Allowed);
        var read = policy.Decide(engineer, Descriptor("get_issue"));
        Assert.False(read.Allowed);
        Assert.Equal("default-deny-reads", read.Rule);
        Assert.EndsWith("default read access is off (McpPlatform:Policy:DefaultRead) and no rule grants Read on it to this caller. "
            + "No rule grants Read on it; a grant is added in McpPlatform:Policy:Rules.", read.Reason);
    }

    [Fact]
    public void Read_tool_needs_a_rule_when_default_read_is_off()
    {
        var policy = DecisionPoint(new PolicyOptions { DefaultRead = false, Rules = [EngineeringWrite()] });

        Assert.Equal("default-deny-reads", policy.Decide(Caller(), Descriptor("get_issue")).Rule);
        Assert.Equal("engineering-write", policy.Decide(Engineer("mcp:read", "mcp:write"), Descriptor("get_issue")).Rule);
    }

    [Fact]
    public void Finance_profile_sees_only_the_billing_read_tools()
    {
        var finance = Caller(groups: ["finance"]);

        Assert.Equal(["get_invoice", "list_invoices"], _policy.VisibleTools(finance).Select(t => t.Name));
        Assert.Equal("finance-portal", _policy.Decide(finance, Descriptor("get_invoice")).Rule);
    }

    [Theory]
    [InlineData("get_issue", "Read")]
    [InlineData("service_status", "Read")]
    [InlineData("refund_invoice", "Write")]
    public void Finance_profile_is_denied_everything_else_by_its_profile(string tool, string access)
    {
        var decision = _policy.Decide(Caller(scopes: ["mcp:read", "mcp:write"], groups: ["finance"]), Descriptor(tool));

        Assert.False(decision.Allowed);
        Assert.Equal("profile:finance-portal", decision.Rule);
        Assert.Contains(
            $"is denied: profile 'finance-portal' applies to this caller, who gets only what matching rules grant, and none grants {access} on it.",
            decision.Reason);
    }

    [Fact]
    public void Profile_caller_also_gets_what_other_matching_rules_grant()
    {
        var caller = Caller(["mcp:read", "mcp:write"], ["finance", "engineering"], new() { ["device_managed"] = "true" });

        Assert.Equal(
            ["create_issue", "get_invoice", "get_issue", "list_invoices", "search_issues"],
            _policy.VisibleTools(caller).Select(t => t.Name));
    }

    [Fact]
    public void Profile_applies_whatever_scopes_the_token_carries()
    {
        var portal = FinancePortal();
        portal.Scopes = ["billing:read"];
        var policy = DecisionPoint(Options(portal));
        var finance = Caller(groups: ["finance"]);

        var invoice = policy.Decide(finance, Descriptor("get_invoice"));
        Assert.Equal("insufficient-scope", invoice.Rule);
        Assert.Equal(["billing:read"], invoice.MissingScopes);
        Assert.Equal("profile:finance-portal", policy.Decide(finance, Descriptor("get_issue")).Rule);
        Assert.Empty(policy.VisibleTools(finance));
    }

    [Fact]
    public void First_matching_rule_in_configuration_order_decides()
    {
        var broad = new PolicyRule
        {
            Name = "engineering-all-writes",
            Groups = ["engineering"],
            Tools = ["*"],
            Access = ["Write"],
            Scopes = ["mcp:write"],
        };
        var engineer = Engineer("mcp:read", "mcp:write");

        Assert.Equal("engineering-write", DecisionPoint(Options(EngineeringWrite(), broad)).Decide(engineer, Descriptor("create_issue")).Rule);
        Assert.Equal("engineering-all-writes", DecisionPoint(Options(broad, EngineeringWrite())).Decide(engineer, Descriptor("create_issue")).Rule);
    }

    [Fact]
    public void Granting_rule_wins_over_an_earlier_rule_the_token_lacks_scopes_for()
    {
        var stepUp = new PolicyRule
        {
            Name = "issues-admin",
            Groups = ["engineering"],
            Tools = ["create_issue"],
            Access = ["Write"],
            Scopes = ["mcp:write", "issues:admin"],
        };

        var decision = DecisionPoint(Options(stepUp, EngineeringWrite())).Decide(Engineer("mcp:read", "mcp:write"), Descriptor("create_issue"));

        Assert.True(decision.Allowed);
        Assert.Equal("engineering-write", decision.Rule);
    }

    [Fact]
    public void Visible_tools_follow_each_callers_grants()
    {
        Assert.Equal(ReadTools, _policy.VisibleTools(Caller()).Select(t => t.Name));
        Assert.Equal(
            ["create_issue", "get_invoice", "get_issue", "list_invoices", "search_issues", "service_status"],
            _policy.VisibleTools(Engineer("mcp:read", "mcp:write")).Select(t => t.Name));
        Assert.Equal(
            ["get_invoice", "get_issue", "list_invoices", "restart_service", "search_issues", "service_status"],
            _policy.VisibleTools(Caller(["mcp:read", "mcp:destructive"], ["sre"])).Select(t => t.Name));
        Assert.Empty(_policy.VisibleTools(Caller(scopes: ["mcp:write"])));
    }

    [Fact]
    public void Can_call_agrees_with_decide_for_every_caller_and_tool()
    {
        CallerIdentity[] callers =
        [
            CallerIdentity.Anonymous,
            Caller(),
            Caller(scopes: []),
            Caller(groups: ["finance"]),
            Engineer("mcp:read"),
            Engineer("mcp:read", "mcp:write"),
            Caller(["mcp:read", "mcp:destructive"], ["sre"]),
            Caller(["mcp:read", "mcp:write"], ["finance", "engineering"], new() { ["device_managed"] = "true" }),
        ];

        foreach (var caller in callers)
        {
            var visible = _policy.VisibleTools(caller).Select(t => t.Name).ToHashSet();
            foreach (var tool in Catalog)
            {
                var allowed = _policy.Decide(caller, tool).Allowed;
                Assert.Equal(allowed, _policy.CanCall(caller, tool));
                Assert.Equal(allowed, visible.Contains(tool.Name));
            }
        }
    }

    [Fact]
    public void Tool_outside_the_catalog_is_decided_by_the_same_rules()
    {
        var engineer = Engineer("mcp:read", "mcp:write");

        Assert.Equal("engineering-write", _policy.Decide(engineer, NewDescriptor("close_issue", "issues", ToolAccess.Write)).Rule);
        Assert.Equal("default-deny-destructive", _policy.Decide(engineer, NewDescriptor("create_issue", "issues", ToolAccess.Destructive)).Rule);
    }

    [Fact]
    public void Reasons_never_repeat_what_the_token_carries()
    {
        var caller = new CallerIdentity
        {
            Subject = "subject-7f3a",
            Email = "alice@example.com",
            Scopes = ["mcp:read", "secret:scope"],
            Groups = ["group-9c1d", "engineering"],
            Claims = new Dictionary<string, IReadOnlyList<string>> { ["device_id"] = ["device-42"] },
        };

        foreach (var tool in Catalog)
        {
            var reason = _policy.Decide(caller, tool).Reason;
            foreach (var secret in new[] { "subject-7f3a", "alice@example.com", "secret:scope", "group-9c1d", "device-42", "device_id" })
            {
                Assert.DoesNotContain(secret, reason);
            }
        }
    }

    [Fact]
    public void Invalid_policy_is_refused_when_compiled()
    {
        var error = Assert.Throws<ArgumentException>(() => DecisionPoint(Options(new PolicyRule { Name = "x", Tools = ["nope"], Access = ["Read"] })));

        Assert.Contains("McpPlatform:Policy:Rules[0] ('x'): Tools contains 'nope', which is not a tool of this server", error.Message);
    }

    [Fact]
    public void A_rule_naming_an_upstream_by_prefix_grants_its_tools_and_no_others()
    {
        var jiraSearch = NewDescriptor("jira_search", "jira", ToolAccess.Read);
        var jiraCreate = NewDescriptor("jira_create_issue", "jira", ToolAccess.Write);
        var jirax = NewDescriptor("jiraxyz_create", "jiraxyz", ToolAccess.Write);
        var rule = new PolicyRule { Name = "jira-writers", Groups = ["engineering"], Tools = ["jira_*"], Access = ["Read", "Write"], Scopes = ["mcp:write"] };
        var policy = new PolicyDecisionPoint(Options(rule), CatalogOf([jiraSearch, jiraCreate, jirax]));
        var engineer = Caller(scopes: ["mcp:read", "mcp:write"], groups: ["engineering"]);

        Assert.Equal("jira-writers", policy.Decide(engineer, jiraCreate).Rule);
        Assert.True(policy.Decide(engineer, jiraCreate).Allowed);
        Assert.False(policy.Decide(engineer, jirax).Allowed);
        Assert.False(policy.Decide(Caller(scopes: ["mcp:read", "mcp:write"]), jiraCreate).Allowed);
    }

    public static TheoryData<string, string[], string[], bool> StepUpCallers => new()
    {
        { "read scope, no group", ["mcp:read"], [], false },
        { "engineer with every scope its rule needs", ["mcp:read", "mcp:write"], ["engineering"], false },
        { "engineer without the write scope", ["mcp:read"], ["engineering"], true },
        { "sre without the destructive scope", ["mcp:read", "mcp:write"], ["sre"], true },
        { "no read scope", ["mcp:write"], [], true },
        { "no scope at all", [], ["engineering", "sre"], true },
    };

    // The host skips reading a tools/call body for a step-up when this says none is possible, so a false answer must
    // hold for every tool: none of this caller's decisions may name scopes to re-authorize with.
    [Theory]
    [MemberData(nameof(StepUpCallers))]
    public void Could_require_step_up_is_false_only_when_no_decision_names_required_scopes(string who, string[] scopes, string[] groups, bool expected)
    {
        var caller = Caller(scopes, groups, new() { ["device_managed"] = "true" });
        var asking = Catalog.Where(tool => _policy.Decide(caller, tool).RequiredScopes.Count > 0).Select(tool => tool.Name).ToList();

        Assert.Equal(expected, _policy.CouldRequireStepUp(caller));
        Assert.True(expected ? asking.Count > 0 : asking.Count == 0, $"{who}: decisions naming required scopes: {string.Join(", ", asking)}");
    }
}
