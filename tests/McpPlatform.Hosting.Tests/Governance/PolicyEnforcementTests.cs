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
    public async Task Write_tool_is_denied_to_the_granted_group_without_the_write_scope()
    {
        await using var support = await fixture.Server.ConnectClientAsync(GovernedPolicy.SupportWriter with { Scopes = [TestCaller.ReadScope] });

        var result = await support.CallAsync("open_ticket", """{"ticket":{"title":"No scope","priority":"Low"}}""");

        Assert.True(result.IsError);
        Assert.StartsWith("Denied by policy: insufficient-scope.", result.SingleText());
        Assert.Contains("'mcp:write'", result.SingleText());
    }

    [Fact]
    public async Task Destructive_tool_needs_the_destructive_scope_even_with_the_write_scope()
    {
        await using var support = await fixture.Server.ConnectClientAsync(GovernedPolicy.SupportWriter);

        var result = await support.CallAsync("delete_ticket", """{"key":"T-1"}""");

        Assert.True(result.IsError);
        var text = result.SingleText();
        Assert.StartsWith("Denied by policy: insufficient-scope.", text);
        Assert.Contains("'delete_ticket'", text);
        Assert.Contains($"rule '{GovernedPolicy.TicketDeleters}'", text);
        Assert.Contains("'mcp:destructive'", text);
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
