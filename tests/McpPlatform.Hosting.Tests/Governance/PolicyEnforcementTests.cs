using System.Net;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Governance;

/// <summary>The tool policy as callers with real tokens see it: what tools/list shows them and what tools/call answers.</summary>
public sealed class PolicyEnforcementTests(IssuerServerFixture fixture) : IClassFixture<IssuerServerFixture>
{
    private static readonly string[] ReadTools =
        ["2fa-status", "add_numbers", "count_call", "deep_result", "echo", "explode", "fetch_url", "get_ticket", "is_even", "issues.search", "shout_customer", "sign_in", "stubborn_wait", "triage_ticket", "whoami"];

    [Fact]
    public async Task Each_caller_lists_only_the_tools_it_may_call()
    {
        await using var reader = await fixture.Server.ConnectClientAsync(GovernedPolicy.Reader);
        await using var support = await fixture.Server.ConnectClientAsync(GovernedPolicy.SupportWriter);
        await using var auditor = await fixture.Server.ConnectClientAsync(GovernedPolicy.Auditor);

        var readerTools = (await reader.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal);
        var supportTools = (await support.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal);
        var auditorTools = (await auditor.ListToolsAsync()).Select(t => t.Name);

        Assert.Equal(ReadTools, readerTools);
        Assert.Equal(ReadTools.Append("open_ticket").Order(StringComparer.Ordinal), supportTools);
        Assert.Equal(["get_ticket"], auditorTools);
    }

    [Fact]
    public async Task Write_tool_is_denied_without_a_granting_rule()
    {
        await using var reader = await fixture.Server.ConnectClientAsync(GovernedPolicy.Reader);

        var result = await reader.CallAsync("open_ticket", """{"ticket":{"title":"Denied","priority":"Low"}}""");

        Assert.True(result.IsError);
        var text = result.SingleText();
        Assert.StartsWith("Denied by policy: default-deny-writes.", text);
        Assert.Contains("'open_ticket'", text);
        Assert.Contains(GovernedPolicy.TicketWriters, text);
    }

    [Fact]
    public async Task Write_tool_is_allowed_by_a_group_rule_with_the_write_scope()
    {
        await using var support = await fixture.Server.ConnectClientAsync(GovernedPolicy.SupportWriter);

        var result = await support.CallAsync("open_ticket", """{"ticket":{"title":"Allowed","priority":"Low"}}""");

        Assert.NotEqual(true, result.IsError);
        Assert.Contains("T-100", result.StructuredContent?.GetRawText());
    }

    [Fact]
    public async Task Write_tool_without_the_write_scope_answers_403_insufficient_scope_naming_every_scope_it_needs()
    {
        var token = fixture.Server.MintToken(GovernedPolicy.SupportWriter with { Scopes = [TestCaller.ReadScope] });

        using var response = await StepUpRequests.CallToolAsync(fixture.Server.McpUri, token, "open_ticket", """{"ticket":{"title":"No scope","priority":"Low"}}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = Authentication.BearerChallenges.WwwAuthenticate(response);
        Assert.StartsWith("Bearer error=\"insufficient_scope\", scope=\"mcp:read mcp:write\"", challenge);
        Assert.Contains(Authentication.BearerChallenges.ResourceMetadataParameter(fixture.Server.BaseUri), challenge);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"id\":7", body);
        Assert.Contains("insufficient-scope", body);
        Assert.Contains("'open_ticket'", body);
    }

    [Fact]
    public async Task Destructive_tool_with_the_write_scope_only_answers_403_asking_for_the_destructive_scope()
    {
        var token = fixture.Server.MintToken(GovernedPolicy.SupportWriter);

        using var response = await StepUpRequests.CallToolAsync(fixture.Server.McpUri, token, "delete_ticket", """{"key":"T-1"}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("scope=\"mcp:read mcp:destructive\"", Authentication.BearerChallenges.WwwAuthenticate(response));
        Assert.Contains($"rule '{GovernedPolicy.TicketDeleters}'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Denial_for_another_reason_than_scopes_stays_a_tool_error_over_http_200()
    {
        var token = fixture.Server.MintToken(GovernedPolicy.Reader with { Scopes = [TestCaller.ReadScope, TestCaller.WriteScope] });

        using var response = await StepUpRequests.CallToolAsync(fixture.Server.McpUri, token, "open_ticket", """{"ticket":{"title":"No group","priority":"Low"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Authentication.BearerChallenges.WwwAuthenticate(response));
        Assert.Contains("Denied by policy: default-deny-writes.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Step_up_refusal_is_audited_with_the_tool_and_the_rule()
    {
        var token = fixture.Server.MintToken(GovernedPolicy.SupportWriter with { Subject = "stepper-audited", Scopes = [TestCaller.ReadScope] });

        using var response = await StepUpRequests.CallToolAsync(fixture.Server.McpUri, token, "open_ticket", """{"ticket":{"title":"Audited","priority":"Low"}}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var record = await StepUpRequests.AuditLineAsync(fixture.Server, "stepper-audited");
        Assert.Contains("\"Tool\":\"open_ticket\"", record);
        Assert.Contains("\"Rule\":\"insufficient-scope\"", record);
        Assert.Contains("\"Decision\":\"denied\"", record);
        Assert.Contains("HTTP 403 insufficient_scope", record);
    }

    [Fact]
    public async Task Destructive_tool_runs_for_the_granted_group_with_the_destructive_scope()
    {
        await using var admin = await fixture.Server.ConnectClientAsync(GovernedPolicy.SupportAdmin);

        var result = await admin.CallAsync("delete_ticket", """{"key":"T-1"}""");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("deleted T-1", result.SingleText());
    }

    [Fact]
    public async Task Profile_denies_a_read_tool_outside_it()
    {
        await using var auditor = await fixture.Server.ConnectClientAsync(GovernedPolicy.Auditor);

        var result = await auditor.CallAsync("echo", """{"text":"hi"}""");

        Assert.True(result.IsError);
        Assert.StartsWith($"Denied by policy: profile:{GovernedPolicy.AuditorsProfile}.", result.SingleText());
    }
}
