using System.Text.Json;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Manifest;
using static McpPlatform.Testing.DlpExamples;

namespace McpPlatform.Governance.Tests.Dlp;

public sealed class DlpArgumentTests
{
    [Fact]
    public void Api_key_in_a_nested_argument_blocks_the_call_naming_rule_and_path_but_not_the_value()
    {
        var arguments = Arguments($$$"""{"ticket":{"title":"Login fails","labels":["auth","{{{AwsKeyId}}}"]}}""");

        var result = DefaultEngine.InspectArguments(CreateTicket, arguments);

        Assert.True(result.IsBlocked);
        Assert.Equal("api-key", result.Rule);
        Assert.Equal("ticket.labels[1]", result.Path);
        Assert.Contains("'api-key'", result.Message);
        Assert.Contains("'ticket.labels[1]'", result.Message);
        Assert.DoesNotContain(AwsKeyId, result.Message);
        Assert.DoesNotContain("IOSFODNN", result.Message);
        Assert.Null(result.Arguments);
        Assert.Equal(["api-key"], result.FiredRules);
    }

    [Theory]
    [InlineData("private-key")]
    [InlineData("jwt")]
    [InlineData("api-key")]
    public void Secrets_block_arguments_by_default(string rule)
    {
        var value = rule switch { "private-key" => PemBlock, "jwt" => Jwt, _ => "Bearer " + "abc123DEF456ghi789JKL0mno" };

        var result = DefaultEngine.InspectArguments(CreateTicket, Argument("body", "see " + value));

        Assert.True(result.IsBlocked);
        Assert.Equal(rule, result.Rule);
        Assert.Equal("body", result.Path);
        Assert.DoesNotContain(value, result.Message);
    }

    [Fact]
    public void A_block_wins_over_redactions_in_the_same_value()
    {
        var result = DefaultEngine.InspectArguments(CreateTicket, Argument("note", "mail ops@example.com key " + AwsKeyId));

        Assert.True(result.IsBlocked);
        Assert.Equal("api-key", result.Rule);
        Assert.Equal(["api-key"], result.FiredRules);
    }

    [Fact]
    public void Personal_data_in_nested_objects_and_arrays_is_redacted_and_the_structure_kept()
    {
        var arguments = Arguments("""
            {
              "ticket": {
                "title": "Refund for jane@example.com",
                "labels": ["billing", "card 4111 1111 1111 1111"],
                "jane@example.com": { "ssn": "123-45-6789", "count": 3, "vip": true, "note": null }
              },
              "priority": 2
            }
            """);

        var result = DefaultEngine.InspectArguments(CreateTicket, arguments);

        Assert.False(result.IsBlocked);
        Assert.True(result.Changed);
        Assert.NotSame(arguments, result.Arguments);
        Assert.Equal(
            """{"ticket":{"title":"Refund for [REDACTED:email]","labels":["billing","card [REDACTED:credit-card]"],""" +
            """{"[REDACTED:email]":{"ssn":"[REDACTED:us-ssn]","count":3,"vip":true,"note":null}},"priority":2}"""[1..],
            Json(result.Arguments));
        Assert.Equal(["email", "credit-card", "us-ssn"], result.FiredRules);
        Assert.Contains("jane@example.com", arguments["ticket"].GetProperty("title").GetString());
    }

    [Fact]
    public void Card_number_sent_as_a_json_number_is_redacted()
    {
        var result = DefaultEngine.InspectArguments(CreateTicket, Arguments("""{"card":4111111111111111,"amount":1700000000000}"""));

        Assert.True(result.Changed);
        Assert.Equal("""{"card":"[REDACTED:credit-card]","amount":1700000000000}""", Json(result.Arguments));
    }

    [Fact]
    public void Clean_arguments_come_back_as_the_same_dictionary()
    {
        var arguments = Arguments("""{"title":"Printer on floor 3 is jammed","labels":["hardware"],"count":1}""");

        var result = DefaultEngine.InspectArguments(CreateTicket, arguments);

        Assert.False(result.IsBlocked);
        Assert.False(result.Changed);
        Assert.Same(arguments, result.Arguments);
        Assert.Empty(result.FiredRules);
        Assert.False(DefaultEngine.InspectArguments(CreateTicket, null).Changed);
    }

    [Fact]
    public void Rules_apply_only_to_the_tools_they_name()
    {
        var engine = Engine(Options(
            new DlpRule { Name = "account-number", Pattern = @"\bACCT-[0-9]{6}\b", Action = "Block", Tools = ["crm/*"] },
            new DlpRule { Name = "ticket-ref", Pattern = @"\bTCK-[0-9]{4}\b", Tools = ["update_customer"] }));
        var arguments = Argument("note", "ACCT-123456 via TCK-0042");

        var crm = engine.InspectArguments(GetCustomer, arguments);
        var update = engine.InspectArguments(UpdateCustomer, arguments);
        var tickets = engine.InspectArguments(CreateTicket, arguments);

        Assert.Equal("account-number", crm.Rule);
        Assert.Equal("account-number", update.Rule);
        Assert.False(tickets.IsBlocked);
        Assert.False(tickets.Changed);
        Assert.Contains("account-number", engine.RulesFor(GetCustomer));
        Assert.DoesNotContain("ticket-ref", engine.RulesFor(GetCustomer));
        Assert.Contains("ticket-ref", engine.RulesFor(UpdateCustomer));
        Assert.DoesNotContain("account-number", engine.RulesFor(CreateTicket));
    }

    [Fact]
    public void A_rule_scoped_to_an_upstream_by_prefix_blocks_email_addresses_sent_to_its_tools_only()
    {
        // The portal's "e-mail addresses may never be sent to a third-party upstream": every tool of the upstream
        // with namespace 'thirdparty' is named thirdparty_<tool>, so one prefix covers the tools it has now and later.
        var engine = new DlpEngine(Options(new DlpRule { Name = "no-email-to-third-parties", Detector = "email", Action = "Block", Tools = ["thirdparty_*"] }));
        var arguments = Argument("to", "jane@example.com");

        var thirdParty = engine.InspectArguments(Descriptor("thirdparty_send_message", "thirdparty"), arguments);
        var ours = engine.InspectArguments(GetCustomer, arguments);

        Assert.True(thirdParty.IsBlocked);
        Assert.Equal("no-email-to-third-parties", thirdParty.Rule);
        Assert.DoesNotContain("jane@example.com", thirdParty.Message);
        Assert.False(ours.IsBlocked);
        Assert.Equal("""{"to":"[REDACTED:email]"}""", Json(ours.Arguments));
        Assert.Contains("no-email-to-third-parties", engine.RulesFor(Descriptor("thirdparty_lookup", "anything")));
        Assert.DoesNotContain("no-email-to-third-parties", engine.RulesFor(Descriptor("thirdpartyx_lookup", "thirdparty")));
    }

    [Fact]
    public void Data_rules_for_a_tool_are_what_a_manifest_lists_in_the_order_they_run()
    {
        var engine = new DlpEngine(Options(
            new DlpRule { Name = "no-email-to-third-parties", Detector = "email", Action = "Block", Tools = ["thirdparty_*"] },
            new DlpRule { Name = "jwt", Detector = "jwt", Action = "Allow", ResultAction = "Allow" }));

        var thirdParty = engine.DataRulesFor("thirdparty_send", "thirdparty");
        var ours = engine.DataRulesFor("get_customer", "crm");

        Assert.Equal(["private-key", "api-key", "credit-card", "iban", "us-ssn", "email", "no-email-to-third-parties"], thirdParty.Select(r => r.Name));
        Assert.Equal(new ManifestDataRule("no-email-to-third-parties", ManifestDataAction.Block, ManifestDataAction.Redact), thirdParty[^1]);
        Assert.Equal(new ManifestDataRule("api-key", ManifestDataAction.Block, ManifestDataAction.Redact), thirdParty[1]);
        Assert.DoesNotContain(ours, r => r.Name == "no-email-to-third-parties");
        Assert.Empty(new DlpEngine(new DlpOptions { Enabled = false }).DataRulesFor("thirdparty_send", "thirdparty"));
    }

    [Fact]
    public void Tool_matching_works_without_a_catalog()
    {
        var engine = new DlpEngine(Options(new DlpRule { Name = "acct", Pattern = "ACCT-[0-9]+", Tools = ["crm/*"] }));

        var result = engine.InspectArguments(Descriptor("anything", "crm"), Argument("q", "ACCT-42"));

        Assert.Equal("""{"q":"[REDACTED:acct]"}""", Json(result.Arguments));
        Assert.Equal(["acct"], result.FiredRules);
    }

    [Fact]
    public void Custom_pattern_rule_redacts_with_its_replacement()
    {
        var engine = Engine(Options(new DlpRule { Name = "employee-id", Pattern = @"\bE[0-9]{6}\b", Replacement = "E******" }));

        var result = engine.InspectArguments(CreateTicket, Argument("who", "E123456 and E654321, not E12"));

        Assert.Equal("""{"who":"E****** and E******, not E12"}""", Json(result.Arguments));
        Assert.Equal(["employee-id"], result.FiredRules);
    }

    [Fact]
    public void A_configured_rule_named_after_a_built_in_replaces_it()
    {
        var engine = Engine(Options(
            new DlpRule { Name = "email", Detector = "email", Action = "Allow", ResultAction = "Allow" },
            new DlpRule { Name = "jwt", Detector = "jwt", Action = "Redact" }));

        var result = engine.InspectArguments(CreateTicket, Argument("body", $"jane@example.com {Jwt}"));

        Assert.Equal("""{"body":"jane@example.com [REDACTED:jwt]"}""", Json(result.Arguments));
        Assert.DoesNotContain("email", engine.RulesFor(CreateTicket));
        Assert.Equal(DlpDetectors.Names.Where(n => n != "email"), engine.RulesFor(CreateTicket));
    }

    [Fact]
    public void Built_ins_can_be_switched_off()
    {
        var engine = Engine(new DlpOptions { DisableBuiltIns = true });

        var result = engine.InspectArguments(CreateTicket, Argument("body", AwsKeyId + " jane@example.com"));

        Assert.False(result.IsBlocked);
        Assert.False(result.Changed);
        Assert.Empty(engine.RulesFor(CreateTicket));
    }

    [Fact]
    public void Disabled_dlp_changes_nothing()
    {
        var engine = Engine(new DlpOptions { Enabled = false });
        var arguments = Argument("body", PemBlock + " jane@example.com");

        var result = engine.InspectArguments(CreateTicket, arguments);

        Assert.False(engine.Enabled);
        Assert.False(result.IsBlocked);
        Assert.Same(arguments, result.Arguments);
        Assert.Empty(engine.RulesFor(CreateTicket));
    }

    [Fact]
    public void Arguments_over_the_scan_limit_are_blocked_as_too_large_to_scan()
    {
        var engine = Engine(new DlpOptions { MaxScannedChars = 100 });
        var arguments = Arguments($$"""{"a":"{{new string('x', 60)}}","b":["ok","{{new string('y', 60)}}"]}""");

        var result = engine.InspectArguments(CreateTicket, arguments);

        Assert.True(result.IsBlocked);
        Assert.Equal(DlpEngine.ScanLimitRule, result.Rule);
        Assert.Equal("b[1]", result.Path);
        Assert.Contains("too large to scan", result.Message);
        Assert.Contains("MaxScannedChars", result.Message);
        Assert.DoesNotContain("yyy", result.Message);
    }

    [Fact]
    public void Paths_quote_keys_that_are_not_identifiers()
    {
        var result = DefaultEngine.InspectArguments(CreateTicket, Arguments($$$"""{"headers":{"x auth":"{{{Jwt}}}"}}"""));

        Assert.Equal("headers['x auth']", result.Path);
    }

    [Fact]
    public void Block_on_a_top_level_array_element_names_its_index()
    {
        var result = DefaultEngine.InspectArguments(CreateTicket,
            new Dictionary<string, JsonElement> { ["keys"] = JsonSerializer.SerializeToElement(new[] { "a", "b", PemBlock }) });

        Assert.Equal("keys[2]", result.Path);
        Assert.Equal("private-key", result.Rule);
    }

    [Fact]
    public void Escaped_and_non_ascii_text_is_scanned_as_text_and_written_back_as_valid_json()
    {
        var arguments = Arguments("""{"body":"Grüße,\n\"jane@example.com\"\u00e9 \u2014 fin","n":[1.5e3,-0]}""");

        var result = DefaultEngine.InspectArguments(CreateTicket, arguments);

        Assert.Equal("Grüße,\n\"[REDACTED:email]\"é — fin", result.Arguments!["body"].GetString());
        Assert.Equal("[1.5e3,-0]", result.Arguments["n"].GetRawText());
    }

    [Fact]
    public async Task Concurrent_calls_share_one_engine_safely()
    {
        var engine = Engine();
        var calls = Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            engine.InspectArguments(i % 2 == 0 ? CreateTicket : GetCustomer, Argument("to", $"user{i}@example.com")))).ToArray();

        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(results, r => Assert.Equal("""{"to":"[REDACTED:email]"}""", Json(r.Arguments)));
    }
}
