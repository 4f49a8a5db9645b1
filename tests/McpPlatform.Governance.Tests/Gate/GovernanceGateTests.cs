using System.Text.Json;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Tests.Gate;

/// <summary>
/// The gate core on its own: each outcome a call can have, what the caller is told, and the audit record
/// it leaves on disk. Real policy, data rules, limiters and audit log; no HTTP server, no MCP SDK.
/// </summary>
public sealed class GovernanceGateTests
{
    [Fact]
    public async Task Allowed_call_gets_redacted_arguments_and_its_intent_record_is_on_disk_before_the_tool_runs()
    {
        await using var rig = GateRig.Start();
        var record = GateRig.NewRecord("1");

        using var outcome = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.CreateIssue, GateRig.Note("mail ada@example.com"), record, CancellationToken.None);

        var allowed = Assert.IsType<GateOutcome.Allowed>(outcome);
        Assert.Null(allowed.RefusalMessage);
        Assert.Equal("engineering-write", allowed.Decision.Rule);
        var note = allowed.Arguments!["note"].GetString();
        Assert.DoesNotContain("ada@example.com", note);
        Assert.StartsWith("mail ", note);

        // Durable before the tool may run: the intent record is in the file now, with the redacted arguments.
        var intent = Assert.Single(rig.RecordsOnDisk().OfKind(AuditRecord.IntentKind));
        Assert.Equal("create_issue", intent.Field(AuditFields.Tool));
        Assert.Equal(AuditOutcomes.Pending, intent.Field(AuditFields.Outcome));
        Assert.Equal(AuditDecisions.Allowed, intent.Field(AuditFields.Decision));
        Assert.DoesNotContain("ada@example.com", intent.Field(AuditFields.Arguments));

        allowed.Complete(isError: false, resultBytes: 42, resultRules: []);
        await rig.WriteAsync(record);
        var request = Assert.Single((await rig.CloseAsync()).OfKind(AuditRecord.RequestKind));
        Assert.Equal(AuditOutcomes.Ok, request.Field(AuditFields.Outcome));
        Assert.Equal("engineering-write", request.Field(AuditFields.Rule));
        Assert.Equal(42, request.GetProperty(AuditFields.ResultBytes).GetInt64());
        Assert.DoesNotContain("ada@example.com", request.Field(AuditFields.Arguments));
    }

    [Fact]
    public async Task Tool_error_and_a_result_cut_at_the_scan_limit_are_on_the_record()
    {
        await using var rig = GateRig.Start();
        var record = GateRig.NewRecord("1");
        using var outcome = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.SearchIssues, null, record, CancellationToken.None);

        ((GateOutcome.Allowed)outcome).Complete(isError: true, resultBytes: 7, resultRules: [McpPlatform.Governance.Dlp.DlpEngine.ScanLimitRule]);

        Assert.Equal(AuditOutcomes.ToolError, record.Outcome);
        Assert.Equal("dlp:scan-limit", record.Error);
        Assert.Equal(7, record.ResultBytes);
    }

    [Fact]
    public async Task Denied_call_names_the_rule_and_reason_and_leaves_no_intent_record()
    {
        await using var rig = GateRig.Start();
        var record = GateRig.NewRecord("1");

        using var outcome = await rig.Gate.AdmitAsync(GateRig.Reader, GateRig.CreateIssue, GateRig.Note("hello"), record, CancellationToken.None);

        var denied = Assert.IsType<GateOutcome.Denied>(outcome);
        Assert.Equal(PolicyDecisionIds.DefaultDenyWrites, denied.Rule);
        Assert.Contains("create_issue", denied.Reason);
        Assert.Equal($"Denied by policy: {PolicyDecisionIds.DefaultDenyWrites}. {denied.Reason}", denied.RefusalMessage);

        await rig.WriteAsync(record);
        var records = await rig.CloseAsync();
        Assert.Empty(records.OfKind(AuditRecord.IntentKind));
        var request = Assert.Single(records.OfKind(AuditRecord.RequestKind));
        Assert.Equal(AuditOutcomes.Denied, request.Field(AuditFields.Outcome));
        Assert.Equal(AuditDecisions.Denied, request.Field(AuditFields.Decision));
        Assert.Equal(PolicyDecisionIds.DefaultDenyWrites, request.Field(AuditFields.Rule));
    }

    [Fact]
    public async Task A_tool_from_another_origin_is_governed_like_a_generated_one()
    {
        var upstream = GateRig.Tool("close_issue", ToolAccess.Write, ToolOrigin.Upstream);
        await using var rig = GateRig.Start(tools: [GateRig.SearchIssues, upstream]);

        using var reader = await rig.Gate.AdmitAsync(GateRig.Reader, upstream, null, null, CancellationToken.None);
        using var engineer = await rig.Gate.AdmitAsync(GateRig.Engineer, upstream, null, null, CancellationToken.None);

        Assert.Equal(PolicyDecisionIds.DefaultDenyWrites, Assert.IsType<GateOutcome.Denied>(reader).Rule);
        Assert.Equal("engineering-write", Assert.IsType<GateOutcome.Allowed>(engineer).Decision.Rule);
        Assert.Equal(ToolOrigin.Generated, GateRig.CreateIssue.Origin);
    }

    [Fact]
    public async Task Scopes_a_tool_source_declares_are_required_on_top_of_policy()
    {
        var admin = GateRig.Tool("purge_issue", ToolAccess.Write, ToolOrigin.OpenApi) with { Scopes = ["issues:admin"] };
        await using var rig = GateRig.Start(tools: [GateRig.SearchIssues, admin]);
        var administrator = new CallerIdentity { Subject = "eve", Groups = ["engineering"], Scopes = ["mcp:read", "mcp:write", "issues:admin"] };

        using var engineer = await rig.Gate.AdmitAsync(GateRig.Engineer, admin, null, null, CancellationToken.None);
        using var granted = await rig.Gate.AdmitAsync(administrator, admin, null, null, CancellationToken.None);

        var denied = Assert.IsType<GateOutcome.Denied>(engineer);
        Assert.Equal(PolicyDecisionIds.InsufficientScope, denied.Rule);
        Assert.Equal(["issues:admin"], denied.Decision.MissingScopes);
        Assert.Contains("issues:admin", denied.Reason);
        Assert.False(rig.Gate.Decide(GateRig.Engineer, admin).Allowed); // lists hide it too
        Assert.Equal("engineering-write", Assert.IsType<GateOutcome.Allowed>(granted).Decision.Rule);
    }

    [Fact]
    public async Task Call_blocked_by_a_data_rule_names_the_rule_and_path_never_the_value()
    {
        await using var rig = GateRig.Start();
        var record = GateRig.NewRecord("1");

        using var outcome = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.CreateIssue, GateRig.Note("refund ACCT-123456"), record, CancellationToken.None);

        var blocked = Assert.IsType<GateOutcome.BlockedByDataRule>(outcome);
        Assert.Equal("account-number", blocked.Rule);
        Assert.Contains("note", blocked.Message);
        Assert.DoesNotContain("ACCT-123456", blocked.Message);
        Assert.Equal("Blocked by data-loss rule: " + blocked.Message, blocked.RefusalMessage);

        await rig.WriteAsync(record);
        var records = await rig.CloseAsync();
        Assert.Empty(records.OfKind(AuditRecord.IntentKind));
        var request = Assert.Single(records.OfKind(AuditRecord.RequestKind));
        Assert.Equal(AuditOutcomes.Denied, request.Field(AuditFields.Outcome));
        Assert.Equal("dlp:account-number", request.Field(AuditFields.Rule));
        Assert.Null(request.Field(AuditFields.Arguments));
        Assert.DoesNotContain("ACCT-123456", request.GetRawText());
    }

    [Fact]
    public async Task Call_over_the_per_tool_limit_is_rate_limited_with_a_retry_after()
    {
        var limits = new RateLimitOptions
        {
            PerTool = new TokenBucketSettings { TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromHours(1) },
        };
        await using var rig = GateRig.Start(limits);
        using (var first = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.SearchIssues, null, null, CancellationToken.None))
        {
            Assert.IsType<GateOutcome.Allowed>(first);
        }

        var record = GateRig.NewRecord("2");
        using var second = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.SearchIssues, null, record, CancellationToken.None);
        using var otherTool = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.CreateIssue, null, null, CancellationToken.None);

        var limited = Assert.IsType<GateOutcome.RateLimited>(second);
        Assert.Equal("too many calls of 'search_issues'", limited.What);
        Assert.NotNull(limited.RetryAfterSeconds);
        Assert.InRange(limited.RetryAfterSeconds.Value, 1, 3600);
        Assert.Equal($"Rate limited: too many calls of 'search_issues'. Retry after {limited.RetryAfterSeconds} s.", limited.RefusalMessage);
        Assert.IsType<GateOutcome.Allowed>(otherTool); // the bucket is per tool

        await rig.WriteAsync(record);
        var request = Assert.Single((await rig.CloseAsync()).OfKind(AuditRecord.RequestKind));
        Assert.Equal(AuditOutcomes.RateLimited, request.Field(AuditFields.Outcome));
    }

    [Fact]
    public async Task An_allowed_call_holds_a_concurrency_slot_until_its_outcome_is_disposed()
    {
        await using var rig = GateRig.Start(new RateLimitOptions { ConcurrentCallsPerCaller = 1 });

        var running = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.SearchIssues, null, null, CancellationToken.None);
        using var meanwhile = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.CreateIssue, null, null, CancellationToken.None);
        running.Dispose();
        using var after = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.CreateIssue, null, null, CancellationToken.None);

        Assert.IsType<GateOutcome.Allowed>(running);
        Assert.Equal("too many tool calls running at once for this caller", Assert.IsType<GateOutcome.RateLimited>(meanwhile).What);
        Assert.IsType<GateOutcome.Allowed>(after);
    }

    [Fact]
    public async Task Write_call_is_refused_when_its_intent_record_cannot_be_written_and_a_read_still_runs()
    {
        Assert.True(FullDevice.Exists, "This test needs /dev/full (Linux) to make the audit file unwritable.");
        await using var rig = GateRig.Start(new RateLimitOptions { ConcurrentCallsPerCaller = 1 }, prepareFolder: FullDevice.BackTodaysAuditFiles);
        var record = GateRig.NewRecord("1");

        using var write = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.CreateIssue, null, record, CancellationToken.None);
        using var read = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.SearchIssues, null, null, CancellationToken.None);

        var refused = Assert.IsType<GateOutcome.AuditUnavailable>(write);
        Assert.Equal("The audit log cannot be written, so this call was refused (fail closed).", refused.RefusalMessage);
        Assert.Equal(AuditOutcomes.Refused, record.Outcome);
        Assert.Equal("audit unavailable", record.Error);
        Assert.IsType<GateOutcome.Allowed>(read); // the refused call gave its concurrency slot back
    }

    [Fact]
    public async Task With_fail_closed_reads_a_read_is_refused_too_when_the_audit_log_cannot_write()
    {
        Assert.True(FullDevice.Exists, "This test needs /dev/full (Linux) to make the audit file unwritable.");
        await using var rig = GateRig.Start(failClosedReads: true, prepareFolder: FullDevice.BackTodaysAuditFiles);

        using var read = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.SearchIssues, null, GateRig.NewRecord("1"), CancellationToken.None);

        Assert.IsType<GateOutcome.AuditUnavailable>(read);
    }

    [Fact]
    public async Task Without_governance_policy_does_not_apply_but_data_rules_still_do()
    {
        await using var rig = GateRig.Start(governed: false);

        using var write = await rig.Gate.AdmitAsync(CallerIdentity.Anonymous, GateRig.CreateIssue, GateRig.Note("mail ada@example.com"), null, CancellationToken.None);
        using var blocked = await rig.Gate.AdmitAsync(CallerIdentity.Anonymous, GateRig.CreateIssue, GateRig.Note("ACCT-123456"), null, CancellationToken.None);

        var allowed = Assert.IsType<GateOutcome.Allowed>(write);
        Assert.Equal("governance-off", allowed.Decision.Rule);
        Assert.DoesNotContain("ada@example.com", allowed.Arguments!["note"].GetString());
        Assert.IsType<GateOutcome.BlockedByDataRule>(blocked);
    }

    [Fact]
    public async Task Arguments_nobody_redacted_are_passed_on_as_given()
    {
        await using var rig = GateRig.Start();
        var arguments = GateRig.Note("plain text");

        using var outcome = await rig.Gate.AdmitAsync(GateRig.Engineer, GateRig.CreateIssue, arguments, null, CancellationToken.None);

        Assert.Same(arguments, Assert.IsType<GateOutcome.Allowed>(outcome).Arguments);
        Assert.Equal(JsonValueKind.String, arguments["note"].ValueKind);
    }
}
