using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Tests;

/// <summary>How each McpPlatform setting in appsettings.json shows in the manifest, and what a bad file reports.</summary>
public sealed class GovernanceConfigTests
{
    private static readonly string[] BuiltIns = ["private-key", "jwt", "api-key", "credit-card", "iban", "us-ssn", "email"];

    [Fact]
    public void Without_appsettings_the_runtime_defaults_apply()
    {
        var run = Run(appSettings: null);

        Assert.Equal(["mcp:read"], run.ManifestTool("issues.search").Strings("requiredScopes"));
        Assert.Equal(["mcp:read", "mcp:write"], run.ManifestTool("issues.create").Strings("requiredScopes"));
        Assert.Equal(["mcp:destructive", "mcp:read"], run.ManifestTool("issues.delete").Strings("requiredScopes"));
        Assert.Equal(["default-read"], run.ManifestTool("issues.search").Strings("grantedBy"));
        Assert.Empty(run.ManifestTool("issues.create").Strings("grantedBy"));
        Assert.Equal(BuiltIns, DataRuleNames(run, "issues.search"));
        Assert.Equal("""{"enabled":true,"default":"tools"}""", run.Manifest()["codeMode"]!.ToJsonString());
    }

    [Fact]
    public void Renamed_scopes_become_the_required_scopes()
    {
        var run = Run("""{ "McpPlatform": { "Policy": { "ReadScope": "r", "WriteScope": "w", "DestructiveScope": "a" } } }""");

        Assert.Equal(["r"], run.ManifestTool("reports_export").Strings("requiredScopes"));
        Assert.Equal(["r", "w"], run.ManifestTool("reports_schedule").Strings("requiredScopes"));
        Assert.Equal(["a", "r"], run.ManifestTool("issues.delete").Strings("requiredScopes"));
    }

    [Fact]
    public void DefaultRead_false_leaves_read_tools_granted_by_no_one()
    {
        var run = Run("""{ "McpPlatform": { "Policy": { "DefaultRead": false } } }""");

        Assert.Empty(run.ManifestTool("issues.search").Strings("grantedBy"));
    }

    [Fact]
    public void DefaultRead_may_be_a_string_as_configuration_binds_it()
    {
        var run = Run("""{ "mcpplatform": { "policy": { "defaultread": "False" } } }""");

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.ManifestTool("issues.search").Strings("grantedBy"));
    }

    [Fact]
    public void A_rule_granting_a_tool_set_covers_only_its_tools_of_the_granted_class()
    {
        var run = Run("""
            { "McpPlatform": { "Policy": { "Rules": [
              { "Name": "writers", "Tools": [ "issues/*" ], "Access": [ "Write" ], "Scopes": [ "mcp:write" ] },
              { "Name": "one-tool", "Tools": [ "reports_schedule" ], "Access": [ " WRITE " ], "Scopes": [ "mcp:write" ] },
              { "Name": "readers", "Tools": [ "*" ], "Access": [ "Read" ] }
            ] } } }
            """);

        Assert.Equal(["writers"], run.ManifestTool("issues.create").Strings("grantedBy"));
        Assert.Empty(run.ManifestTool("issues.delete").Strings("grantedBy"));
        Assert.Equal(["one-tool"], run.ManifestTool("reports_schedule").Strings("grantedBy"));
        Assert.Equal(["default-read", "readers"], run.ManifestTool("issues.search").Strings("grantedBy"));
    }

    [Fact]
    public void Disabled_dlp_lists_no_data_rules()
    {
        var run = Run("""{ "McpPlatform": { "Dlp": { "Enabled": false, "Rules": [ { "Name": "x", "Pattern": "x" } ] } } }""");

        Assert.Empty(DataRuleNames(run, "issues.search"));
    }

    [Fact]
    public void A_rule_with_a_built_in_name_replaces_it_in_place_and_allow_allow_removes_it()
    {
        var run = Run("""
            { "McpPlatform": { "Dlp": { "Rules": [
              { "Name": "Custom", "Pattern": "SEC-[0-9]+", "Action": "block", "ResultAction": "allow" },
              { "Name": "JWT", "Detector": "jwt", "Action": "Redact" },
              { "Name": "email", "Detector": "email", "Action": "Allow", "ResultAction": "Allow" }
            ] } } }
            """);

        var rules = run.ManifestTool("issues.search")["dataRules"]!.AsArray();
        Assert.Equal(["private-key", "JWT", "api-key", "credit-card", "iban", "us-ssn", "Custom"], rules.Select(r => (string)r!["name"]!));
        Assert.Equal("""{"name":"JWT","arguments":"redact","results":"redact"}""", rules[1]!.ToJsonString());
        Assert.Equal("""{"name":"Custom","arguments":"block","results":"allow"}""", rules[6]!.ToJsonString());
    }

    [Fact]
    public void DisableBuiltIns_keeps_only_the_configured_rules_in_configuration_order()
    {
        var run = Run("""
            { "McpPlatform": { "Dlp": { "DisableBuiltIns": true, "Rules": [
              { "Name": "zeta", "Pattern": "z+" }, { "Name": "email", "Detector": "email", "Action": "Block" }
            ] } } }
            """);

        Assert.Equal(["zeta", "email"], DataRuleNames(run, "issues.search"));
    }

    [Fact]
    public void A_rule_with_tool_patterns_applies_to_those_tools_only()
    {
        var run = Run("""
            { "McpPlatform": { "Dlp": { "DisableBuiltIns": true, "Rules": [
              { "Name": "by-set", "Pattern": "a", "Tools": [ "reports/*" ] },
              { "Name": "by-name", "Pattern": "b", "Tools": [ " issues.delete " ] },
              { "Name": "everywhere", "Pattern": "c", "Tools": [ "*" ] }
            ] } } }
            """);

        Assert.Equal(["by-set", "everywhere"], DataRuleNames(run, "reports_export"));
        Assert.Equal(["by-name", "everywhere"], DataRuleNames(run, "issues.delete"));
        Assert.Equal(["everywhere"], DataRuleNames(run, "issues.search"));
    }

    [Fact]
    public void Rules_naming_tools_by_a_trailing_wildcard_cover_the_tools_with_that_prefix()
    {
        var run = Run("""
            { "McpPlatform": {
              "Policy": { "Rules": [ { "Name": "report-writers", "Tools": [ "reports_*" ], "Access": [ "Write" ], "Scopes": [ "mcp:write" ] } ] },
              "Dlp": { "DisableBuiltIns": true, "Rules": [ { "Name": "by-prefix", "Pattern": "a", "Tools": [ "reports_*" ] }, { "Name": "misplaced", "Pattern": "b", "Tools": [ "*_export" ] } ] } } }
            """);

        Assert.Equal(["report-writers"], run.ManifestTool("reports_schedule").Strings("grantedBy"));
        Assert.Empty(run.ManifestTool("issues.create").Strings("grantedBy"));
        Assert.Equal(["by-prefix"], DataRuleNames(run, "reports_export"));
        Assert.Empty(DataRuleNames(run, "issues.search"));
    }

    [Fact]
    public void Code_mode_switch_and_default_surface_come_from_configuration()
    {
        var run = Run("""{ "McpPlatform": { "CodeMode": { "Enabled": false, "Default": "SearchAndExecute" } } }""");

        Assert.Equal("""{"enabled":false,"default":"search_and_execute"}""", run.Manifest()["codeMode"]!.ToJsonString());
        Assert.Equal("""{"exposed":false,"name":"issues_search"}""", run.ManifestTool("issues.search")["codeMode"]!.ToJsonString());
    }

    [Fact]
    public void Malformed_appsettings_reports_the_line_and_uses_the_defaults()
    {
        var run = Run("{\n  \"McpPlatform\": {\n    \"Policy\": { \"DefaultRead\": false }\n    \"Dlp\": {}\n  }\n}\n");

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("MCPP013", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("line 4, column 5", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(GeneratorInputs.AppSettingsPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(["default-read"], run.ManifestTool("issues.search").Strings("grantedBy"));
    }

    [Fact]
    public void Unclosed_comment_is_malformed()
    {
        var run = Run("{ /* never closed\n \"McpPlatform\": {} }");

        Assert.Equal("MCPP013", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void Invalid_settings_are_reported_with_their_line()
    {
        var run = Run("""
            {
              "McpPlatform": {
                "Policy": { "DefaultRead": "sometimes" },
                "Dlp": { "Rules": [ { "Name": "x", "Pattern": "x", "Action": "Shred" } ] },
                "CodeMode": { "Default": "everything" }
              }
            }
            """);

        Assert.All(run.Diagnostics, d => Assert.Equal("MCPP014", d.Id));
        Assert.Equal([3, 4, 5], run.Diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).Order());
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("McpPlatform:Policy:DefaultRead must be true or false (got 'sometimes')", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("Action 'Shred'", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("'everything'", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_limits_are_reported_and_the_manifest_pins_the_default()
    {
        var run = Run("""
            {
              "McpPlatform": {
                "CodeMode": { "MaxInnerCalls": "lots" },
                "RateLimits": { "PerTool": { "ReplenishmentPeriod": "a minute" } }
              }
            }
            """);

        Assert.All(run.Diagnostics, d => Assert.Equal("MCPP014", d.Id));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("McpPlatform:CodeMode:MaxInnerCalls must be a whole number (got 'lots')", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("McpPlatform:RateLimits:PerTool:ReplenishmentPeriod must be a time span", StringComparison.Ordinal));
        var governance = run.Manifest()["governance"]!;
        Assert.Equal(50, (int)governance["codeMode"]!["maxInnerCalls"]!);
        Assert.Equal("00:01:00", (string)governance["rateLimits"]!["perTool"]!["replenishmentPeriod"]!);
    }

    [Fact]
    public void Invalid_pinned_settings_are_reported_and_the_manifest_pins_the_default()
    {
        var run = Run("""
            {
              "McpPlatform": {
                "Dlp": { "OverLimit": "Cut" },
                "Audit": { "RefusalLimit": { "PermitLimit": "many" } },
                "ForwardedHeaders": { "Enabled": "yes" },
                "MaxRequestBodyBytes": "1 MB"
              }
            }
            """);

        Assert.All(run.Diagnostics, d => Assert.Equal("MCPP014", d.Id));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("McpPlatform:Dlp:OverLimit is 'Cut', not one of block, truncate", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("McpPlatform:Audit:RefusalLimit:PermitLimit must be a whole number (got 'many')", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("McpPlatform:ForwardedHeaders:Enabled must be true or false (got 'yes')", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("McpPlatform:MaxRequestBodyBytes must be a whole number (got '1 MB')", StringComparison.Ordinal));
        var governance = run.Manifest()["governance"]!;
        Assert.Equal("block", (string)governance["dlp"]!["overLimit"]!);
        Assert.Equal(60, (int)governance["audit"]!["refusalLimit"]!["permitLimit"]!);
        Assert.False((bool)governance["http"]!["forwardedHeaders"]!["enabled"]!);
        Assert.Equal(1048576L, (long)governance["http"]!["maxRequestBodyBytes"]!);
    }

    [Fact]
    public void Annotations_are_the_hints_the_server_sends()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), GeneratorInputs.Default);

        Assert.Equal("""{"readOnly":false,"destructive":true,"idempotent":true,"openWorld":false}""", run.ManifestTool("issues.delete")["annotations"]!.ToJsonString());
        Assert.Equal("""{"readOnly":false,"destructive":false}""", run.ManifestTool("issues.create")["annotations"]!.ToJsonString());
        Assert.Equal("""{"readOnly":true}""", run.ManifestTool("issues.search")["annotations"]!.ToJsonString());
    }

    [Fact]
    public void Only_a_file_named_appsettings_json_is_read()
    {
        var inputs = GeneratorInputs.Default.WithAppSettings("""{ "McpPlatform": { "Policy": { "DefaultRead": false } } }""", "/project/appsettings.Development.json");

        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), inputs);

        Assert.Equal(["default-read"], run.ManifestTool("issues.search").Strings("grantedBy"));
    }

    [Fact]
    public void The_project_root_appsettings_wins_over_one_in_a_subfolder()
    {
        var inputs = GeneratorInputs.Default
            .WithAppSettings("""{ "McpPlatform": { "Policy": { "ReadScope": "nested" } } }""", "/project/sub/appsettings.json")
            .WithAppSettings("""{ "McpPlatform": { "Policy": { "ReadScope": "root" } } }""");

        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), inputs);

        Assert.Equal(["root"], run.ManifestTool("issues.search").Strings("requiredScopes"));
    }

    private static GeneratorRun Run(string? appSettings)
    {
        var inputs = appSettings is null ? GeneratorInputs.Default : GeneratorInputs.Default.WithAppSettings(appSettings);
        return GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), inputs);
    }

    private static string[] DataRuleNames(GeneratorRun run, string tool) =>
        run.ManifestTool(tool)["dataRules"]!.AsArray().Select(r => (string)r!["name"]!).ToArray();
}
