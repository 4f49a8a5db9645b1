using System.Text.Json;

namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>A data rule scoped to one upstream by a trailing wildcard (<c>memory_*</c>): e-mail addresses never reach the third-party server.</summary>
[Collection(PortalCollection.Name)]
public sealed class UpstreamDataRuleTests(PortalFixture fixture)
{
    private PortalHost Portal => fixture.Portal;

    [Fact]
    public async Task An_email_address_sent_to_the_third_party_upstream_is_blocked_and_to_another_upstream_redacted()
    {
        await using var engineer = await Portal.ConnectAsync(PortalCaller.Engineer);
        var entities = JsonDocument.Parse("""[{ "name": "contact", "entityType": "person", "observations": ["mail jane.doe@example.com"] }]""").RootElement;

        var thirdParty = await engineer.CallToolAsync("memory_create_entities", new Dictionary<string, object?> { ["entities"] = entities });
        var graph = await engineer.CallToolAsync("memory_read_graph", new Dictionary<string, object?>());
        var lab = await engineer.CallToolAsync("lab_lookup", new Dictionary<string, object?> { ["query"] = "jane.doe@example.com" });

        Assert.True(thirdParty.IsError);
        Assert.Contains("no-email-to-third-parties", Results.Text(thirdParty));
        Assert.DoesNotContain("jane.doe@example.com", Results.Text(thirdParty));
        Assert.DoesNotContain("jane.doe@example.com", Results.Text(graph)); // it never reached the memory server
        Assert.NotEqual(true, lab.IsError);
        Assert.Equal("lab found '[REDACTED:email]'", Results.Text(lab));
    }

    [Fact]
    public void The_proposal_lists_the_rule_on_that_upstreams_tools_only()
    {
        var memory = fixture.Proposal.FindTool("memory_create_entities")!;
        var lab = fixture.Proposal.FindTool("lab_lookup")!;

        Assert.Contains(memory.DataRules, rule => rule.Name == "no-email-to-third-parties");
        Assert.DoesNotContain(lab.DataRules, rule => rule.Name == "no-email-to-third-parties");
        Assert.Contains(lab.DataRules, rule => rule.Name == "email"); // the built-in rules apply to every tool
    }
}
