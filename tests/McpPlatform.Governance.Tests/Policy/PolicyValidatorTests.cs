using McpPlatform.Governance.Policy;
using McpPlatform.Governance.Tools;
using static McpPlatform.Testing.PolicyExamples;

namespace McpPlatform.Governance.Tests.Policy;

public sealed class PolicyValidatorTests
{
    [Fact]
    public void Default_policy_is_valid()
    {
        Assert.Empty(PolicyValidator.Validate(new PolicyOptions(), Catalog));
    }

    [Fact]
    public void Example_policy_is_valid()
    {
        Assert.Empty(PolicyValidator.Validate(Example(), Catalog));
    }

    [Fact]
    public void Rule_without_a_name_is_reported_by_position()
    {
        var rule = EngineeringWrite();
        rule.Name = " ";

        AssertFails(Options(FinancePortal(), rule),
            "McpPlatform:Policy:Rules[1]: Name is required; decisions and audit records name the rule that decided.");
    }

    [Fact]
    public void Duplicate_rule_names_are_reported_ignoring_case()
    {
        var second = SreBreakGlass();
        second.Name = "Engineering-Write";

        AssertFails(Options(EngineeringWrite(), second),
            "McpPlatform:Policy:Rules[1] ('Engineering-Write'): Name 'Engineering-Write' is already used by McpPlatform:Policy:Rules[0]; rule names must be unique.");
    }

    [Fact]
    public void Unknown_tool_is_reported_with_the_known_tools()
    {
        var rule = EngineeringWrite();
        rule.Tools = ["create_isue"];

        AssertFails(new ToolDescriptorSet(Catalog.Where(t => t.ToolSet == "issues")), Options(rule),
            "McpPlatform:Policy:Rules[0] ('engineering-write'): Tools contains 'create_isue', which is not a tool of this server (known: create_issue, delete_issue, get_issue, search_issues).");
    }

    [Fact]
    public void Unknown_tool_differing_only_in_case_suggests_the_right_name()
    {
        var rule = SreBreakGlass();
        rule.Tools = ["Restart_Service"];

        AssertFails(Options(rule),
            "McpPlatform:Policy:Rules[0] ('sre-break-glass'): Tools contains 'Restart_Service', which is not a tool of this server (did you mean 'restart_service'? tool names are case-sensitive).");
    }

    [Fact]
    public void Unknown_tool_on_a_large_server_points_at_the_manifest_instead_of_listing_every_tool()
    {
        var catalog = CatalogOf(Enumerable.Range(1, 25).Select(i => NewDescriptor($"tool_{i:00}", "ops", ToolAccess.Destructive)));
        var rule = SreBreakGlass();
        rule.Tools = ["reboot"];

        AssertFails(catalog, Options(rule),
            "McpPlatform:Policy:Rules[0] ('sre-break-glass'): Tools contains 'reboot', which is not a tool of this server (the server has 25 tools; see the governance manifest for their names).");
    }

    [Fact]
    public void Unknown_tool_set_is_reported_with_the_known_tool_sets()
    {
        var rule = FinancePortal();
        rule.Tools = ["billng/*"];

        AssertFails(Options(rule),
            "McpPlatform:Policy:Rules[0] ('finance-portal'): Tools contains 'billng/*', but 'billng' is not a tool set of this server (known: billing, issues, ops).");
    }

    [Fact]
    public void Empty_tools_are_reported()
    {
        var rule = FinancePortal();
        rule.Tools = [];

        AssertFails(Options(rule),
            "McpPlatform:Policy:Rules[0] ('finance-portal'): Tools is empty; list tool names, 'prefix_*' for every tool whose name starts with prefix_, 'toolset/*' for a tool set, or '*' for every tool.");
    }

    [Fact]
    public void Empty_tool_entry_is_reported()
    {
        var rule = FinancePortal();
        rule.Tools = ["billing/*", " "];

        AssertFails(Options(rule), "McpPlatform:Policy:Rules[0] ('finance-portal'): Tools contains an empty entry.");
    }

    [Fact]
    public void Empty_group_name_is_reported()
    {
        var rule = FinancePortal();
        rule.Groups = ["finance", ""];

        AssertFails(Options(rule), "McpPlatform:Policy:Rules[0] ('finance-portal'): Groups contains an empty group name.");
    }

    [Theory]
    [InlineData("finance, audit")]
    [InlineData("finance team")]
    public void Group_name_with_spaces_or_commas_is_reported(string group)
    {
        var rule = FinancePortal();
        rule.Groups = [group];

        AssertFails(Options(rule),
            $"McpPlatform:Policy:Rules[0] ('finance-portal'): Groups contains '{group}', which is not a group name (no spaces or commas; list each group as its own entry).");
    }

    [Fact]
    public void Claim_with_an_empty_type_is_reported()
    {
        var rule = EngineeringWrite();
        rule.Claims[""] = "true";

        AssertFails(Options(rule), "McpPlatform:Policy:Rules[0] ('engineering-write'): Claims contains an entry with an empty claim type.");
    }

    [Fact]
    public void Claim_with_an_empty_value_is_reported()
    {
        var rule = EngineeringWrite();
        rule.Claims["device_managed"] = "";

        AssertFails(Options(rule),
            "McpPlatform:Policy:Rules[0] ('engineering-write'): Claims['device_managed'] is empty; give the value the claim must have, e.g. \"device_managed\": \"true\".");
    }

    [Fact]
    public void Unknown_access_value_is_reported()
    {
        var rule = FinancePortal();
        rule.Access = ["read", "Admin"];

        AssertFails(Options(rule),
            "McpPlatform:Policy:Rules[0] ('finance-portal'): Access contains 'Admin', which is not an access class (use Read, Write or Destructive).");
    }

    [Theory]
    [InlineData("Unspecified")]
    [InlineData("1")]
    public void Access_value_that_is_not_a_grantable_class_name_is_reported(string access)
    {
        var rule = FinancePortal();
        rule.Access = [access];

        AssertFails(Options(rule),
            $"McpPlatform:Policy:Rules[0] ('finance-portal'): Access contains '{access}', which is not an access class (use Read, Write or Destructive).");
    }

    [Fact]
    public void Empty_access_is_reported()
    {
        var rule = FinancePortal();
        rule.Access = [];

        AssertFails(Options(rule),
            "McpPlatform:Policy:Rules[0] ('finance-portal'): Access is empty; list the access classes the rule grants (Read, Write or Destructive).");
    }

    [Fact]
    public void Access_names_are_parsed_ignoring_case()
    {
        var rule = EngineeringWrite();
        rule.Access = ["READ", "write"];

        Assert.Empty(PolicyValidator.Validate(Options(rule), Catalog));
        Assert.True(DecisionPoint(Options(rule)).Decide(Engineer("mcp:read", "mcp:write"), Descriptor("create_issue")).Allowed);
    }

    [Fact]
    public void Write_grant_without_scopes_is_reported()
    {
        var rule = EngineeringWrite();
        rule.Scopes = [];

        AssertFails(Options(rule),
            "McpPlatform:Policy:Rules[0] ('engineering-write'): grants Write but Scopes is empty; the rule must require 'mcp:write'.");
    }

    [Fact]
    public void Write_and_destructive_grant_without_scopes_names_both_scopes()
    {
        var rule = EngineeringWrite();
        rule.Access = ["Destructive", "Write"];
        rule.Scopes = [];

        AssertFails(Options(rule),
            "McpPlatform:Policy:Rules[0] ('engineering-write'): grants Write and Destructive but Scopes is empty; the rule must require 'mcp:write' and 'mcp:destructive'.");
    }

    [Fact]
    public void Write_grant_without_the_write_scope_is_reported()
    {
        var rule = EngineeringWrite();
        rule.Scopes = ["issues:write"];

        AssertFails(Options(rule),
            "McpPlatform:Policy:Rules[0] ('engineering-write'): grants Write but Scopes does not include 'mcp:write' (McpPlatform:Policy:WriteScope).");
    }

    [Fact]
    public void Destructive_grant_without_the_destructive_scope_is_reported()
    {
        var rule = SreBreakGlass();
        rule.Scopes = ["mcp:write"];

        AssertFails(Options(rule),
            "McpPlatform:Policy:Rules[0] ('sre-break-glass'): grants Destructive but Scopes does not include 'mcp:destructive' (McpPlatform:Policy:DestructiveScope).");
    }

    [Fact]
    public void Scope_entry_with_spaces_is_reported()
    {
        var rule = EngineeringWrite();
        rule.Scopes = ["mcp:write issues:write"];

        AssertFails(Options(rule),
            "McpPlatform:Policy:Rules[0] ('engineering-write'): Scopes contains 'mcp:write issues:write', which is not a scope name (no spaces; list each scope as its own entry).",
            "McpPlatform:Policy:Rules[0] ('engineering-write'): grants Write but Scopes does not include 'mcp:write' (McpPlatform:Policy:WriteScope).");
    }

    [Fact]
    public void Exclusive_rule_for_every_caller_is_reported()
    {
        var rule = FinancePortal();
        rule.Groups = [];

        AssertFails(Options(rule),
            "McpPlatform:Policy:Rules[0] ('finance-portal'): Exclusive is set but Groups and Claims are empty, so the profile would apply to every caller; name the profile's groups or claims (or set McpPlatform:Policy:DefaultRead to false).");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("mcp read")]
    public void Bad_read_scope_is_reported(string scope)
    {
        AssertFails(new PolicyOptions { ReadScope = scope },
            $"McpPlatform:Policy:ReadScope must be a scope name without spaces, such as 'mcp:read' (got '{scope}').");
    }

    [Fact]
    public void Empty_write_and_destructive_scopes_are_reported()
    {
        AssertFails(new PolicyOptions { WriteScope = "", DestructiveScope = "" },
            "McpPlatform:Policy:WriteScope must be a scope name without spaces, such as 'mcp:write' (got '').",
            "McpPlatform:Policy:DestructiveScope must be a scope name without spaces, such as 'mcp:destructive' (got '').");
    }

    [Fact]
    public void Same_write_and_destructive_scope_is_reported()
    {
        AssertFails(new PolicyOptions { DestructiveScope = "mcp:write" },
            "McpPlatform:Policy:WriteScope and McpPlatform:Policy:DestructiveScope must differ (both are 'mcp:write'): a token allowed to write would also carry the scope that destructive calls need.");
    }

    [Fact]
    public void Same_read_and_write_scope_is_reported()
    {
        AssertFails(new PolicyOptions { WriteScope = "mcp:read" },
            "McpPlatform:Policy:ReadScope and McpPlatform:Policy:WriteScope must differ (both are 'mcp:read'): a token allowed to read would also carry the scope that writes need.");
    }

    [Fact]
    public void Every_failure_is_reported_at_once()
    {
        var unnamed = new PolicyRule { Tools = ["nope"], Access = ["Sometimes"] };
        var breakGlass = SreBreakGlass();
        breakGlass.Scopes = [];

        var failures = PolicyValidator.Validate(
            new PolicyOptions { DestructiveScope = "mcp:write", Rules = [unnamed, breakGlass] }, Catalog);

        Assert.Equal(5, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("McpPlatform:Policy:WriteScope and McpPlatform:Policy:DestructiveScope must differ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("McpPlatform:Policy:Rules[0]: Name is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("McpPlatform:Policy:Rules[0]: Tools contains 'nope'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("McpPlatform:Policy:Rules[0]: Access contains 'Sometimes'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("McpPlatform:Policy:Rules[1] ('sre-break-glass'): grants Destructive but Scopes is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trailing_wildcard_is_valid_even_when_no_tool_matches_yet_but_a_misplaced_one_and_unknown_exact_names_are_reported()
    {
        var rule = new PolicyRule { Name = "jira-readers", Tools = ["billing_*", "jira_*", "get_*", "*_issue", "get_issu"], Access = ["Read"] };

        var failures = PolicyValidator.Validate(Options(rule), Catalog);

        Assert.Equal(2, failures.Count);
        Assert.Equal("McpPlatform:Policy:Rules[0] ('jira-readers'): Tools contains '*_issue', but a '*' is allowed only at the end ('jira_*' for every tool whose name starts with 'jira_', 'toolset/*' for a tool set, '*' for every tool).", failures[0]);
        Assert.StartsWith("McpPlatform:Policy:Rules[0] ('jira-readers'): Tools contains 'get_issu', which is not a tool of this server (known: ", failures[1]);
    }

    private static void AssertFails(PolicyOptions options, params string[] expected) => AssertFails(Catalog, options, expected);

    private static void AssertFails(ToolDescriptorSet catalog, PolicyOptions options, params string[] expected) =>
        Assert.Equal(expected, PolicyValidator.Validate(options, catalog));
}
