using System.Text;
using System.Text.Json;
using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;
using McpPlatform.Governance;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.CodeMode;
using McpPlatform.Hosting.Governance.RateLimiting;
using McpPlatform.Hosting.Manifest;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.Configuration;

namespace McpPlatform.Generators.Tests;

/// <summary>
/// The manifest states what the runtime enforces: the same appsettings.json bound by .NET configuration
/// into the runtime's policy decision point and DLP engine gives the manifest's grantedBy,
/// requiredScopes and dataRules for every tool.
/// </summary>
public sealed class RuntimeAgreementTests
{
    public static TheoryData<string, string> Configurations => new()
    {
        { "defaults", "{}" },
        { "sample", GovernanceSample.AppSettings },
        {
            "renamed scopes, no default read, tool-set rules", """
            { "McpPlatform": { "Policy": {
                "ReadScope": "acme.read", "WriteScope": "acme.write", "DestructiveScope": "acme.nuke", "DefaultRead": false,
                "Rules": [
                  { "Name": "report-readers", "Groups": [ "finance" ], "Tools": [ "reports/*" ], "Access": [ "Read" ] },
                  { "Name": "issue-writers", "Claims": { "device_managed": "true" }, "Tools": [ "issues/*", "reports_schedule" ], "Access": [ "Write", "Read" ], "Scopes": [ "acme.write" ] },
                  { "Name": "profile", "Groups": [ "contractors" ], "Exclusive": true, "Tools": [ "issues.search" ], "Access": [ "Read" ] },
                  { "Name": "nukers", "Tools": [ "issues.delete" ], "Access": [ "Destructive" ], "Scopes": [ "acme.nuke", "extra" ] }
                ] } } }
            """
        },
        { "dlp off", """{ "McpPlatform": { "Dlp": { "Enabled": false } } }""" },
        {
            "trailing-wildcard rules", """
            { "McpPlatform": {
                "Policy": { "Rules": [
                  { "Name": "report-writers", "Tools": [ "reports_*" ], "Access": [ "Write" ], "Scopes": [ "mcp:write" ] },
                  { "Name": "issue-searchers", "Tools": [ "issues.s*", "upstream_*" ], "Access": [ "Read" ] }
                ] },
                "Dlp": { "Rules": [ { "Name": "no-email-to-reports", "Detector": "email", "Action": "Block", "Tools": [ "reports_*" ] } ] } } }
            """
        },
        {
            "custom dlp only", """
            { "McpPlatform": { "Dlp": { "DisableBuiltIns": true, "Rules": [
                { "Name": "ids", "Pattern": "ID-[0-9]+", "Tools": [ "issues/*" ] },
                { "Name": "email", "Detector": "email", "Action": "Block", "Tools": [ "reports_export", "issues.create" ] },
                { "Name": "quiet", "Pattern": "q+", "Action": "Allow", "ResultAction": "Allow" }
            ] } } }
            """
        },
        {
            "built-in overrides", """
            { "McpPlatform": { "Dlp": { "Rules": [
                { "Name": "CREDIT-card", "Detector": "credit-card", "Action": "Block", "Tools": [ "reports/*" ] },
                { "Name": "jwt", "Detector": "jwt", "Action": "Allow", "ResultAction": "Allow" },
                { "Name": "later", "Pattern": "L8R" }
            ] } } }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    [MemberData(nameof(LimitConfigurations))]
    public void Governance_section_is_what_the_runtime_computes_from_its_bound_options(string name, string appSettings)
    {
        var (run, _, configuration) = Build(appSettings);
        var effective = EffectiveGovernance.ToJson(EffectiveGovernance.From(new BoundGovernanceOptions(
            Bind<PolicyOptions>(configuration, PolicyOptions.SectionName),
            Bind<DlpOptions>(configuration, DlpOptions.SectionName),
            Bind<RateLimitOptions>(configuration, RateLimitOptions.SectionName),
            Bind<CodeModeOptions>(configuration, CodeModeOptions.SectionName),
            Bind<AuditOptions>(configuration, AuditOptions.SectionName),
            Bind<RefusalLimitOptions>(configuration, RefusalLimitOptions.SectionName),
            Bind<McpPlatformOptions>(configuration, McpPlatformOptions.SectionName),
            Bind<ResourceServerOptions>(configuration, ResourceServerOptions.SectionName))));

        // Canonically equal, so an unchanged configuration gives the server the compiled manifest hash.
        var generated = CanonicalJson.ToCanonicalString(JsonSerializer.SerializeToElement(run.Manifest()["governance"]));
        var runtime = CanonicalJson.ToCanonicalString(JsonSerializer.SerializeToElement(effective));
        Assert.True(generated == runtime, $"{name}:\ngenerator {generated}\nruntime   {runtime}");
    }

    public static TheoryData<string, string> LimitConfigurations => new()
    {
        {
            "limits and switches", """
            { "McpPlatform": {
                "RateLimits": { "Enabled": "False", "PerCaller": { "TokenLimit": 5, "ReplenishmentPeriod": "1.02:03:04.5" }, "PerTool": { "TokensPerPeriod": 7 }, "ConcurrentCallsPerCaller": 3 },
                "CodeMode": { "Enabled": false, "Default": "Search_And_Execute", "Timeout": "00:00:02.5", "MaxStatements": 10, "MemoryLimitBytes": 4294967296, "MaxRecursionDepth": 9,
                              "RegexTimeout": "00:00:00.250", "MaxArrayLength": 4000000000, "MaxInnerCalls": 1, "MaxResultBytes": 2, "MaxLogBytes": 3, "MaxConcurrentExecutionsPerCaller": 1 },
                "Audit": { "Enabled": false, "FailClosedReads": "true" },
                "Dlp": { "Enabled": false, "Rules": [ { "Name": "x", "Pattern": "x" } ] }
            } }
            """
        },
        {
            "pinned settings", """
            { "McpPlatform": {
                "Dlp": { "OverLimit": " TRUNCATE ", "MaxScannedChars": "2000000", "MatchTimeout": "00:00:01" },
                "Audit": { "MaxFieldChars": 1024, "MaxArgumentsChars": 300000, "CheckpointInterval": "00:00:30.5", "KeySecretName": "other-key",
                           "RefusalLimit": { "PermitLimit": 5, "Window": "1.00:00:00", "MaxAddresses": "4096" } },
                "MaxRequestBodyBytes": 17179869184,
                "ForwardedHeaders": { "Enabled": "True", "KnownProxies": [ "10.0.0.5", "127.0.0.1", "10.0.0.5" ], "KnownNetworks": [ "10.1.0.0/16" ], "ForwardLimit": 2 },
                "Authentication": { "TokenTypes": [ "*", "JWT", "id_token+jwt" ] }
            } }
            """
        },
        { "blank over-limit and empty sets", """{ "McpPlatform": { "Dlp": { "OverLimit": "" }, "ForwardedHeaders": { "KnownProxies": [] }, "Authentication": { "TokenTypes": [] } } }""" },
        {
            "rule details", """
            { "McpPlatform": { "Policy": { "DefaultRead": false, "Rules": [
                { "Name": "b", "Groups": [ "z", "a", "z" ], "Claims": { "tier": "gold", "acr": "mfa" }, "Tools": [ "t2", "t1" ], "Access": [ " Write", "READ", "read" ], "Scopes": [ "s2", "s1" ], "Exclusive": true },
                { "Name": "a", "Tools": [ "*" ], "Access": [ "Read" ] }
            ] }, "Dlp": { "DisableBuiltIns": true, "Rules": [ { "Name": " custom ", "Pattern": "[0-9]{4}", "Action": "block", "ResultAction": "allow", "Tools": [ " b/* ", "a" ] }, { "Name": "mail", "Detector": "EMAIL" } ] } } }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Data_rules_are_the_rules_the_dlp_engine_applies(string name, string appSettings)
    {
        var (run, catalog, configuration) = Build(appSettings);
        var engine = new DlpEngine(Bind<DlpOptions>(configuration, DlpOptions.SectionName), catalog.Descriptors);

        foreach (var tool in catalog.Descriptors)
        {
            var manifest = run.ManifestTool(tool.Name)["dataRules"]!.AsArray().Select(r => (string)r!["name"]!);
            Assert.True(engine.RulesFor(tool).SequenceEqual(manifest), $"{name}: {tool.Name}: runtime [{string.Join(", ", engine.RulesFor(tool))}] manifest [{string.Join(", ", manifest)}]");
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Granted_by_lists_exactly_the_rules_that_allow_the_tool(string name, string appSettings)
    {
        var (run, catalog, configuration) = Build(appSettings);
        var policy = Bind<PolicyOptions>(configuration, PolicyOptions.SectionName);
        var everyScope = new[] { policy.ReadScope, policy.WriteScope, policy.DestructiveScope };

        // default-read alone: the policy without rules.
        var defaultOnly = new PolicyDecisionPoint(WithRules(policy, policy.DefaultRead), catalog.Descriptors);
        foreach (var tool in catalog.Descriptors)
        {
            var granted = run.ManifestTool(tool.Name).Strings("grantedBy");
            var decision = defaultOnly.Decide(Caller(everyScope), tool);
            Assert.True(decision.Allowed == granted.Contains("default-read"), $"{name}: {tool.Name} default-read: {decision.Reason}");
        }

        // Each rule alone, for a caller it matches who holds every scope it needs.
        foreach (var rule in policy.Rules)
        {
            var alone = new PolicyDecisionPoint(WithRules(policy, defaultRead: false, rule), catalog.Descriptors);
            var caller = Caller([.. everyScope, .. rule.Scopes], rule.Groups, rule.Claims);
            foreach (var tool in catalog.Descriptors)
            {
                var granted = run.ManifestTool(tool.Name).Strings("grantedBy");
                var decision = alone.Decide(caller, tool);
                Assert.True(decision.Allowed == granted.Contains(rule.Name), $"{name}: {tool.Name} rule {rule.Name}: {decision.Reason}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Required_scopes_are_the_scopes_without_which_a_granted_call_is_denied(string name, string appSettings)
    {
        var (run, catalog, configuration) = Build(appSettings);
        var policy = Bind<PolicyOptions>(configuration, PolicyOptions.SectionName);
        var scopes = new[] { policy.ReadScope, policy.WriteScope, policy.DestructiveScope };
        var grantAll = WithRules(
            policy,
            defaultRead: true,
            new PolicyRule { Name = "w", Tools = ["*"], Access = ["Write"], Scopes = [policy.WriteScope] },
            new PolicyRule { Name = "d", Tools = ["*"], Access = ["Destructive"], Scopes = [policy.DestructiveScope] });
        var decisions = new PolicyDecisionPoint(grantAll, catalog.Descriptors);

        foreach (var tool in catalog.Descriptors)
        {
            var required = run.ManifestTool(tool.Name).Strings("requiredScopes");
            Assert.True(decisions.CanCall(Caller(scopes), tool), $"{name}: {tool.Name} with every scope");
            foreach (var scope in scopes)
            {
                var allowed = decisions.CanCall(Caller(scopes.Where(s => s != scope)), tool);
                Assert.True(allowed != required.Contains(scope), $"{name}: {tool.Name} without '{scope}' (manifest requires [{string.Join(", ", required)}])");
            }
        }
    }

    private static (GeneratorRun Run, McpToolCatalog Catalog, IConfiguration Configuration) Build(string appSettings)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), GeneratorInputs.Default.WithAppSettings(appSettings));
        Assert.Empty(run.Diagnostics);
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(appSettings))).Build();
        return (run, run.LoadCatalog(), configuration);
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new() =>
        configuration.GetSection(section).Get<T>() ?? new T();

    private static PolicyOptions WithRules(PolicyOptions policy, bool defaultRead, params PolicyRule[] rules) => new()
    {
        ReadScope = policy.ReadScope,
        WriteScope = policy.WriteScope,
        DestructiveScope = policy.DestructiveScope,
        DefaultRead = defaultRead,
        Rules = [.. rules],
    };

    private static CallerIdentity Caller(IEnumerable<string> scopes, IEnumerable<string>? groups = null, IDictionary<string, string>? claims = null) => new()
    {
        Subject = "someone",
        Scopes = [.. scopes.Distinct()],
        Groups = [.. groups ?? []],
        Claims = (claims ?? new Dictionary<string, string>()).ToDictionary(c => c.Key, c => (IReadOnlyList<string>)[c.Value]),
    };
}
