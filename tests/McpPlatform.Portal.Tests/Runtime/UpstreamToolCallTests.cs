using System.Text.Json;
using McpPlatform.Governance.Audit;

namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>Upstream tools through the portal: namespaced, governed like generated tools, audited with their upstream.</summary>
[Collection(PortalCollection.Name)]
public sealed class UpstreamToolCallTests(PortalFixture fixture)
{
    private PortalHost Portal => fixture.Portal;

    [Fact]
    public async Task Tools_of_every_upstream_are_listed_under_their_namespace_as_policy_grants_them()
    {
        await using var engineer = await Portal.ConnectAsync(PortalCaller.Engineer);
        var names = await engineer.ToolNamesAsync();

        Assert.Contains("lab_lookup", names);
        Assert.Contains("lab_update", names); // a write, granted to engineering
        Assert.Contains("memory_read_graph", names);
        Assert.Contains("limited_lookup", names);
        Assert.DoesNotContain("lab_purge", names); // destructive: nothing grants it
        Assert.DoesNotContain("limited_update", names); // not in that upstream's AllowedTools
        Assert.DoesNotContain(names, name => !name.Contains('_')); // no un-namespaced tool
    }

    [Fact]
    public async Task Read_tool_call_reaches_the_upstream_under_its_own_name()
    {
        await using var analyst = await Portal.ConnectAsync(PortalCaller.Analyst);
        var result = await analyst.CallToolAsync("lab_lookup", new Dictionary<string, object?> { ["query"] = "ph meter" });

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("lab found 'ph meter'", Results.Text(result));
    }

    [Fact]
    public async Task Write_tool_stays_denied_by_default()
    {
        await using var analyst = await Portal.ConnectAsync(PortalCaller.Analyst);
        Assert.DoesNotContain("lab_update", await analyst.ToolNamesAsync());

        var result = await analyst.CallToolAsync("lab_update", new Dictionary<string, object?> { ["text"] = "x" });

        Assert.True(result.IsError);
        Assert.StartsWith("Denied by policy", Results.Text(result));
    }

    [Fact]
    public async Task Stdio_memory_server_answers_calls_through_the_portal()
    {
        await using var engineer = await Portal.ConnectAsync(PortalCaller.Engineer);
        var entities = JsonDocument.Parse("""[{ "name": "portal-runtime", "entityType": "test", "observations": ["governed upstream call"] }]""").RootElement;
        var created = await engineer.CallToolAsync("memory_create_entities", new Dictionary<string, object?> { ["entities"] = entities });
        var graph = await engineer.CallToolAsync("memory_read_graph", new Dictionary<string, object?>());

        Assert.NotEqual(true, created.IsError);
        Assert.Contains("governed upstream call", Results.Text(graph));
    }

    [Fact]
    public async Task Caller_token_is_never_forwarded_to_the_upstream()
    {
        await using var engineer = await Portal.ConnectAsync(PortalCaller.Engineer);
        await engineer.CallToolAsync("lab_lookup", new Dictionary<string, object?> { ["query"] = "token" });

        Assert.Empty(fixture.Lab.AuthorizationHeaders); // lab's credentials are None: nothing at all is presented
    }

    [Fact]
    public async Task Each_upstream_call_is_audited_with_its_upstream_latency_and_outcome_in_the_chain()
    {
        await using var analyst = await Portal.ConnectAsync(PortalCaller.Analyst);
        await analyst.CallToolAsync("lab_lookup", new Dictionary<string, object?> { ["query"] = "audited" });

        JsonElement record = default;
        await PortalHost.Eventually(
            () => Portal.AuditRecords().Where(r => r.TryGetProperty("Arguments", out var a) && a.GetString()!.Contains("audited") && Is(r, "Kind", "request")).ToList() is [var only] && (record = only).ValueKind != JsonValueKind.Undefined,
            "the call's request record is written");

        Assert.Equal("lab", record.GetProperty(AuditFields.Upstream).GetString());
        Assert.True(record.GetProperty(AuditFields.UpstreamMs).GetInt64() >= 0);
        Assert.Equal("ok", record.GetProperty(AuditFields.Outcome).GetString());
        Assert.Equal("lab_lookup", record.GetProperty(AuditFields.Tool).GetString());

        // The upstream fields are in the record's keyed hash: the chain verifies, and changing one breaks it.
        var key = Portal.AuditKey();
        Assert.Equal(record.GetProperty(AuditFields.Hash).GetString(), AuditChain.ComputeHash(record, key));
        var edited = JsonDocument.Parse(record.GetRawText().Replace("\"Upstream\":\"lab\"", "\"Upstream\":\"other\"", StringComparison.Ordinal)).RootElement;
        Assert.NotEqual(record.GetProperty(AuditFields.Hash).GetString(), AuditChain.ComputeHash(edited, key));
    }

    [Fact]
    public async Task Upstream_failure_is_a_tool_error_naming_the_upstream_and_audited_with_it()
    {
        await using var analyst = await Portal.ConnectAsync(PortalCaller.Analyst);
        var result = await analyst.CallToolAsync("tiny_lookup", new Dictionary<string, object?> { ["query"] = "too-big" });

        Assert.True(result.IsError);
        Assert.StartsWith("The upstream 'tiny' could not run 'tiny_lookup': ", Results.Text(result));
        Assert.Contains("MaxResultBytes", Results.Text(result));

        JsonElement record = default;
        await PortalHost.Eventually(
            () => Portal.AuditRecords().Where(r => Is(r, "Kind", "request") && r.TryGetProperty("Arguments", out var a) && a.GetString()!.Contains("too-big", StringComparison.Ordinal)).ToList() is [var only]
                && (record = only).ValueKind != JsonValueKind.Undefined,
            "the failed call is audited");
        Assert.Equal("tiny", record.GetProperty(AuditFields.Upstream).GetString());
        Assert.Equal("tool_error", record.GetProperty(AuditFields.Outcome).GetString());
        Assert.StartsWith("upstream: ", record.GetProperty(AuditFields.Error).GetString());
        Assert.True(record.TryGetProperty(AuditFields.UpstreamMs, out _));
    }

    private static bool Is(JsonElement record, string field, string value) =>
        record.TryGetProperty(field, out var actual) && actual.GetString() == value;
}
