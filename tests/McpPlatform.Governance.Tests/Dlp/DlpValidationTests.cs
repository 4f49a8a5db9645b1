using System.Text;
using McpPlatform.Governance.Dlp;
using Microsoft.Extensions.Configuration;
using static McpPlatform.Testing.DlpExamples;

namespace McpPlatform.Governance.Tests.Dlp;

public sealed class DlpValidationTests
{
    [Fact]
    public void Default_options_are_valid()
    {
        Assert.Empty(DlpValidator.Validate(new DlpOptions(), Catalog));
        Assert.True(new DlpOptionsValidator(Catalog).Validate(null, new DlpOptions()).Succeeded);
    }

    [Fact]
    public void Unknown_detector_is_reported_with_the_rule_and_the_detectors_there_are()
    {
        var failure = Assert.Single(DlpValidator.Validate(Options(new DlpRule { Name = "phones", Detector = "phone" })));

        Assert.StartsWith("McpPlatform:Dlp:Rules[0] ('phones'): Detector 'phone' is not a built-in detector", failure);
        Assert.Contains("credit-card", failure);
    }

    [Fact]
    public void Detector_and_pattern_are_exclusive_and_one_is_required()
    {
        var failures = DlpValidator.Validate(Options(
            new DlpRule { Name = "both", Detector = "email", Pattern = "x" },
            new DlpRule { Name = "neither" }));

        Assert.Equal(
        [
            "McpPlatform:Dlp:Rules[0] ('both'): set Detector or Pattern, not both.",
            "McpPlatform:Dlp:Rules[1] ('neither'): set Detector (one of private-key, jwt, api-key, credit-card, iban, us-ssn, email) or Pattern (a regular expression).",
        ], failures);
    }

    [Fact]
    public void Invalid_regex_is_reported_with_the_regex_error()
    {
        var failure = Assert.Single(DlpValidator.Validate(Options(new DlpRule { Name = "broken", Pattern = "(ACCT-[0-9]+" })));

        Assert.StartsWith("McpPlatform:Dlp:Rules[0] ('broken'): Pattern '(ACCT-[0-9]+' is not a valid .NET regular expression: ", failure);
        Assert.Contains("Not enough )'s", failure);
    }

    [Fact]
    public void Pattern_matching_the_empty_string_is_reported()
    {
        var failure = Assert.Single(DlpValidator.Validate(Options(new DlpRule { Name = "everything", Pattern = "[0-9]*" })));

        Assert.Contains("('everything'): Pattern '[0-9]*' matches the empty string", failure);
    }

    [Fact]
    public void Unknown_actions_are_reported()
    {
        var failures = DlpValidator.Validate(Options(
            new DlpRule { Name = "a", Pattern = "x", Action = "Quarantine" },
            new DlpRule { Name = "b", Pattern = "y", ResultAction = "Block" },
            new DlpRule { Name = "c", Pattern = "z", Action = "1" }));

        Assert.Equal(
        [
            "McpPlatform:Dlp:Rules[0] ('a'): Action 'Quarantine' is not one of Block, Redact, Allow.",
            "McpPlatform:Dlp:Rules[1] ('b'): ResultAction 'Block' is not one of Redact, Allow (results are redacted, never blocked).",
            "McpPlatform:Dlp:Rules[2] ('c'): Action '1' is not one of Block, Redact, Allow.",
        ], failures);
    }

    [Fact]
    public void Actions_are_read_ignoring_case()
    {
        Assert.Empty(DlpValidator.Validate(Options(new DlpRule { Name = "a", Pattern = "x", Action = "block", ResultAction = "allow" })));
    }

    [Fact]
    public void Duplicate_and_missing_names_are_reported()
    {
        var failures = DlpValidator.Validate(Options(
            new DlpRule { Name = "acct", Pattern = "x" },
            new DlpRule { Name = "ACCT", Pattern = "y" },
            new DlpRule { Name = " ", Pattern = "z" },
            new DlpRule { Name = "scan-limit", Pattern = "w" }));

        Assert.Equal(
        [
            "McpPlatform:Dlp:Rules[1] ('ACCT'): Name 'ACCT' is already used by McpPlatform:Dlp:Rules[0]; rule names must be unique.",
            "McpPlatform:Dlp:Rules[2]: Name is required; block messages and audit records name the rule that fired.",
            "McpPlatform:Dlp:Rules[3] ('scan-limit'): Name 'scan-limit' is reserved for values too large to scan; choose another name.",
        ], failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Non_positive_match_timeout_and_scan_limit_are_reported(int value)
    {
        var failures = DlpValidator.Validate(new DlpOptions { MatchTimeout = TimeSpan.FromMilliseconds(value), MaxScannedChars = value });

        Assert.Equal(2, failures.Count);
        Assert.StartsWith("McpPlatform:Dlp:MatchTimeout must be positive", failures[0]);
        Assert.StartsWith("McpPlatform:Dlp:MaxScannedChars must be at least 1", failures[1]);
    }

    [Fact]
    public void Empty_tools_entries_are_reported()
    {
        var failure = Assert.Single(DlpValidator.Validate(Options(new DlpRule { Name = "acct", Pattern = "x", Tools = ["get_customer", " "] })));

        Assert.StartsWith("McpPlatform:Dlp:Rules[0] ('acct'): Tools contains an empty entry", failure);
    }

    [Fact]
    public void Tools_entries_must_name_tools_of_the_catalog_when_one_is_given()
    {
        var options = Options(new DlpRule { Name = "acct", Pattern = "x", Tools = ["get_custmer", "billing/*", "crm/*", "*"] });

        Assert.Empty(DlpValidator.Validate(options));
        Assert.Equal(
        [
            "McpPlatform:Dlp:Rules[0] ('acct'): Tools contains 'get_custmer', which is not a tool of this server.",
            "McpPlatform:Dlp:Rules[0] ('acct'): Tools contains 'billing/*', but 'billing' is not a tool set of this server.",
        ], DlpValidator.Validate(options, Catalog));
    }

    [Fact]
    public void A_trailing_wildcard_needs_no_matching_tool_but_a_misplaced_wildcard_is_reported_even_without_a_catalog()
    {
        var options = Options(new DlpRule { Name = "third-parties", Detector = "email", Action = "Block", Tools = ["thirdparty_*", "get_*", "*_customer"] });

        var expected = "McpPlatform:Dlp:Rules[0] ('third-parties'): Tools contains '*_customer', but a '*' is allowed only at the end ('jira_*' for every tool whose name starts with 'jira_', 'toolset/*' for a tool set, '*' for every tool).";
        Assert.Equal([expected], DlpValidator.Validate(options));
        Assert.Equal([expected], DlpValidator.Validate(options, Catalog));
    }

    [Fact]
    public void Options_validator_and_engine_refuse_invalid_options()
    {
        var options = Options(new DlpRule { Name = "broken", Pattern = "[" });

        var result = new DlpOptionsValidator().Validate(null, options);
        var error = Assert.Throws<ArgumentException>(() => new DlpEngine(options));

        Assert.True(result.Failed);
        Assert.Contains("McpPlatform:Dlp:Rules[0] ('broken')", result.FailureMessage);
        Assert.Contains("McpPlatform:Dlp:Rules[0] ('broken')", error.Message);
    }

    [Fact]
    public void Options_bind_from_the_dlp_section()
    {
        var json = """
            {
              "McpPlatform": {
                "Dlp": {
                  "MatchTimeout": "00:00:00.250",
                  "MaxScannedChars": 5000,
                  "Rules": [
                    { "Name": "account-number", "Pattern": "ACCT-[0-9]{6}", "Action": "Block", "Tools": [ "crm/*" ] },
                    { "Name": "email", "Detector": "email", "Action": "Allow", "ResultAction": "Allow" }
                  ]
                }
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var options = configuration.GetSection(DlpOptions.SectionName).Get<DlpOptions>()!;

        Assert.True(options.Enabled);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.MatchTimeout);
        Assert.Equal(5000, options.MaxScannedChars);
        Assert.Equal(["crm/*"], options.Rules[0].Tools);
        Assert.Empty(options.Rules[1].Tools);
        Assert.Empty(DlpValidator.Validate(options, Catalog));
        var engine = new DlpEngine(options, Catalog);
        Assert.Equal("account-number", engine.InspectArguments(GetCustomer, Argument("q", "ACCT-123456")).Rule);
        Assert.DoesNotContain("email", engine.RulesFor(GetCustomer));
    }
}
