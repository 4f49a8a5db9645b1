using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Cli.Tests.Manifest;

/// <summary>
/// The approval flow with a manifest the generator wrote (the generator tests' snapshot, with its governance section
/// and tool annotations): approve and verify pass; a weakened governance setting is a high-risk change, a stricter one
/// low, and losing an annotation a client relies on (idempotent, openWorld off) is medium risk.
/// </summary>
public sealed class GovernanceDiffCommandTests : IDisposable
{
    private static readonly string GeneratedManifest =
        Path.Combine(RepositoryLayout.Root, "tests", "McpPlatform.Generators.Tests", "Expected", "GovernanceManifest.json");

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_generated_manifest_approves_and_verifies()
    {
        File.Copy(GeneratedManifest, _folder.Combine(ManifestFiles.ManifestFileName));

        (await CliRun.RunAsync("manifest", "approve", _folder.Path, "--reviewer", "jane.doe@example.com")).EnsureSuccess();
        var verify = (await CliRun.RunAsync("manifest", "verify", _folder.Path)).EnsureSuccess();

        Assert.StartsWith("OK: ", verify.Stdout);
    }

    [Fact]
    public async Task Diff_names_weakened_governance_high_stricter_low_and_annotation_changes_medium()
    {
        var approved = _folder.Combine("approved.json");
        File.Copy(GeneratedManifest, approved);
        var changed = JsonNode.Parse(File.ReadAllText(GeneratedManifest))!.AsObject();
        var governance = changed["governance"]!;
        governance["rateLimits"]!["enabled"] = false;
        governance["policy"]!["rules"]![0]!["tools"] = TestManifest.Strings("*", "issues/*");
        governance["dlp"]!["rules"]!.AsArray().Single(r => (string?)r!["name"] == "ticket-ids")!["arguments"] = "redact";
        governance["codeMode"]!["maxInnerCalls"] = 10;
        var delete = changed.Tool("issues.delete")["annotations"]!.AsObject();
        delete.Remove("idempotent");
        delete["openWorld"] = true;
        var current = TestManifest.Write(TestManifest.Seal(changed), _folder.Combine("current.json"));

        var diff = await CliRun.RunAsync("manifest", "diff", approved, current);

        Assert.Equal(1, diff.ExitCode);
        Assert.Matches(@"HIGH\s+\(server\)\s+governance-weakened\s+McpPlatform:RateLimits:Enabled true → false \(weaker: callers are not rate limited\)", diff.Stdout);
        Assert.Matches(@"HIGH\s+\(server\)\s+governance-weakened\s+McpPlatform:Policy:Rules\[editors\]:Tools \[issues/\*\] → \[\*, issues/\*\] \(weaker: the rule covers more tools\)", diff.Stdout);
        Assert.Matches(@"HIGH\s+\(server\)\s+governance-weakened\s+McpPlatform:Dlp:Rules\[ticket-ids\]:Action block → redact", diff.Stdout);
        Assert.Matches(@"LOW\s+\(server\)\s+governance-strengthened\s+McpPlatform:CodeMode:MaxInnerCalls 20 → 10", diff.Stdout);
        Assert.Matches(@"MEDIUM\s+issues\.delete\s+annotations-changed\s+idempotent true → \(not declared\)", diff.Stdout);
        Assert.Matches(@"MEDIUM\s+issues\.delete\s+annotations-changed\s+openWorld false → true", diff.Stdout);

        var json = JsonDocument.Parse((await CliRun.RunAsync("manifest", "diff", approved, current, "--json")).Stdout).RootElement;
        Assert.Equal("high", json.GetProperty("highestRisk").GetString());
    }

    [Fact]
    public async Task Every_way_of_loosening_a_rule_or_a_limit_is_weaker_and_the_reverse_stronger()
    {
        var approved = _folder.Combine("approved.json");
        File.Copy(GeneratedManifest, approved);
        var changed = JsonNode.Parse(File.ReadAllText(GeneratedManifest))!.AsObject();
        var governance = changed["governance"]!;
        var contractors = governance["policy"]!["rules"]!.AsArray().Single(r => (string?)r!["name"] == "contractors")!;
        contractors["groups"] = TestManifest.Strings();
        contractors["claims"] = new JsonObject { ["acr"] = "mfa" };
        contractors["exclusive"] = false;
        var editors = governance["policy"]!["rules"]!.AsArray().Single(r => (string?)r!["name"] == "editors")!;
        editors["scopes"] = TestManifest.Strings();
        governance["policy"]!["defaultRead"] = false;
        governance["dlp"]!["rules"]!.AsArray().Single(r => (string?)r!["name"] == "ticket-ids")!["tools"] = TestManifest.Strings("issues.create");
        governance["dlp"]!["rules"]!.AsArray().Remove(governance["dlp"]!["rules"]!.AsArray().Single(r => (string?)r!["name"] == "jwt"));
        governance["rateLimits"]!["perCaller"]!["replenishmentPeriod"] = "00:00:01";
        governance["audit"]!["failClosedReads"] = false;
        var current = TestManifest.Write(TestManifest.Seal(changed), _folder.Combine("current.json"));

        var diff = await CliRun.RunAsync("manifest", "diff", approved, current);

        Assert.Equal(1, diff.ExitCode);
        foreach (var weaker in new[]
        {
            @"McpPlatform:Policy:Rules\[contractors\]:Groups \[Contractors, contractors\] → \[\] \(weaker: the rule admits every caller\)",
            @"McpPlatform:Policy:Rules\[contractors\]:Claims \{acr=mfa, device_managed=true\} → \{acr=mfa\} \(weaker",
            @"McpPlatform:Policy:Rules\[contractors\]:Exclusive true → false \(weaker",
            @"McpPlatform:Policy:Rules\[editors\]:Scopes \[jira:write\] → \[\] \(weaker: the rule requires fewer scopes\)",
            @"McpPlatform:Dlp:Rules\[ticket-ids\]:Tools \[issues.create, reports/\*\] → \[issues.create\] \(weaker: the rule covers fewer tools\)",
            @"McpPlatform:Dlp:Rules\[jwt\] detector jwt, arguments block, results redact, tools \(every tool\) → \(removed\) \(weaker",
            @"McpPlatform:RateLimits:PerCaller:ReplenishmentPeriod 00:00:30 → 00:00:01 \(weaker",
            @"McpPlatform:Audit:FailClosedReads true → false \(weaker",
        })
        {
            Assert.Matches(@"HIGH\s+\(server\)\s+governance-weakened\s+" + weaker, diff.Stdout);
        }

        Assert.Matches(@"LOW\s+\(server\)\s+governance-strengthened\s+McpPlatform:Policy:DefaultRead true → false", diff.Stdout);
    }

    [Fact]
    public async Task Pinned_dlp_audit_request_and_authentication_settings_are_rated_by_direction()
    {
        var approved = _folder.Combine("approved.json");
        File.Copy(GeneratedManifest, approved);
        var changed = JsonNode.Parse(File.ReadAllText(GeneratedManifest))!.AsObject();
        var governance = changed["governance"]!;
        governance["dlp"]!["overLimit"] = "truncate";
        governance["dlp"]!["maxScannedChars"] = 2_000_000;
        governance["audit"]!["maxFieldChars"] = 8192;
        governance["audit"]!["maxArgumentsChars"] = 1024;
        governance["audit"]!["checkpointInterval"] = "00:05:00";
        governance["audit"]!["keySecretName"] = "other-key";
        governance["audit"]!["refusalLimit"]!["permitLimit"] = 10;
        governance["audit"]!["refusalLimit"]!["window"] = "00:00:05";
        governance["audit"]!["refusalLimit"]!["maxAddresses"] = 4096;
        governance["http"]!["maxRequestBodyBytes"] = 1L << 30;
        governance["http"]!["forwardedHeaders"]!["enabled"] = true;
        governance["http"]!["forwardedHeaders"]!["knownNetworks"] = TestManifest.Strings("10.0.0.0/8");
        governance["http"]!["forwardedHeaders"]!["forwardLimit"] = 3;
        governance["authentication"]!["tokenTypes"] = TestManifest.Strings("*", "JWT", "application/at+jwt", "at+jwt");
        var current = TestManifest.Write(TestManifest.Seal(changed), _folder.Combine("current.json"));

        var diff = await CliRun.RunAsync("manifest", "diff", approved, current);

        Assert.Equal(1, diff.ExitCode);
        foreach (var weaker in new[]
        {
            @"McpPlatform:Dlp:OverLimit block → truncate \(weaker: a result too large to scan is returned cut instead of withheld\)",
            @"McpPlatform:Dlp:MaxScannedChars 1000000 → 2000000 \(weaker: the limit was raised",
            @"McpPlatform:Audit:MaxFieldChars 4096 → 8192 \(weaker",
            @"McpPlatform:Audit:CheckpointInterval 00:00:10 → 00:05:00 \(weaker: more records can be cut off the end of the audit file unnoticed\)",
            @"McpPlatform:Audit:RefusalLimit:Window 00:01:00 → 00:00:05 \(weaker: the window was shortened",
            @"McpPlatform:Audit:RefusalLimit:MaxAddresses 1024 → 4096 \(weaker",
            @"McpPlatform:MaxRequestBodyBytes 1048576 → 1073741824 \(weaker",
            @"McpPlatform:ForwardedHeaders:Enabled false → true \(weaker: X-Forwarded-\* headers are believed from the known proxies\)",
            @"McpPlatform:ForwardedHeaders:KnownNetworks \[\] → \[10.0.0.0/8\] \(weaker: headers are believed from another network\)",
            @"McpPlatform:ForwardedHeaders:ForwardLimit 1 → 3 \(weaker",
            @"McpPlatform:Authentication:TokenTypes \[JWT, application/at\+jwt, at\+jwt\] → \[\*, JWT, application/at\+jwt, at\+jwt\] \(weaker: tokens of another type are accepted\)",
        })
        {
            Assert.Matches(@"HIGH\s+\(server\)\s+governance-weakened\s+" + weaker, diff.Stdout);
        }

        Assert.Matches(@"MEDIUM\s+\(server\)\s+governance-changed\s+McpPlatform:Audit:KeySecretName audit-chain-key → other-key \(changed: the audit chain is keyed with another secret\)", diff.Stdout);
        Assert.Matches(@"LOW\s+\(server\)\s+governance-strengthened\s+McpPlatform:Audit:MaxArgumentsChars 65536 → 1024 \(stronger", diff.Stdout);
        Assert.Matches(@"LOW\s+\(server\)\s+governance-strengthened\s+McpPlatform:Audit:RefusalLimit:PermitLimit 60 → 10 \(stronger", diff.Stdout);
    }

    [Fact]
    public async Task An_approved_manifest_from_before_a_setting_was_pinned_shows_it_as_recorded_for_the_first_time()
    {
        var old = JsonNode.Parse(File.ReadAllText(GeneratedManifest))!.AsObject();
        old["governance"]!["dlp"]!.AsObject().Remove("overLimit");
        old["governance"]!.AsObject().Remove("http");
        var approved = TestManifest.Write(TestManifest.Seal(old), _folder.Combine("approved.json"));

        var diff = await CliRun.RunAsync("manifest", "diff", approved, GeneratedManifest);

        Assert.Matches(@"MEDIUM\s+\(server\)\s+governance-changed\s+McpPlatform:Dlp:OverLimit \(not recorded\) → block \(changed: recorded for the first time\)", diff.Stdout);
        Assert.Matches(@"MEDIUM\s+\(server\)\s+governance-changed\s+McpPlatform:ForwardedHeaders:Enabled \(not recorded\) → false", diff.Stdout);
        Assert.DoesNotContain("HIGH", diff.Stdout);
    }

    [Fact]
    public async Task Edited_governance_without_a_new_hash_is_rejected_as_tampered()
    {
        var text = File.ReadAllText(GeneratedManifest);
        var edited = _folder.Combine(ManifestFiles.ManifestFileName);
        File.WriteAllText(edited, text.Replace("\"failClosedReads\": true", "\"failClosedReads\": false", StringComparison.Ordinal));

        var diff = await CliRun.RunAsync("manifest", "diff", GeneratedManifest, edited);

        Assert.Equal(2, diff.ExitCode);
        Assert.Contains("does not match the hash", diff.Stderr);
    }
}
