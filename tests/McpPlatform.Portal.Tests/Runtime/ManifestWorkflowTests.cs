using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>The portal's manifest: proposed from what the upstreams list, approved by a reviewer, the only tools offered.</summary>
[Collection(PortalCollection.Name)]
public sealed class ManifestWorkflowTests(PortalFixture fixture)
{
    [Fact]
    public void Unapproved_portal_offers_no_upstream_tool()
    {
        Assert.Empty(fixture.UnapprovedToolList);
    }

    [Fact]
    public void Unapproved_portal_audits_each_new_upstream_tool_naming_its_upstream()
    {
        var changes = fixture.UnapprovedAudit.Where(PortalFixture.IsUpstreamChange).ToList();
        var lookup = Assert.Single(changes, record => record.GetProperty("Tool").GetString() == "lab_lookup");
        Assert.Equal("lab", lookup.GetProperty("Upstream").GetString());
        Assert.Equal("quarantine", lookup.GetProperty("Rule").GetString());
        Assert.Contains("new tool 'lookup' of upstream 'lab' is not in the approved manifest", lookup.GetProperty("Error").GetString());
        Assert.Contains(changes, record => record.GetProperty("Tool").GetString() == "memory_read_graph");
    }

    [Fact]
    public void Proposal_proposes_access_classes_from_the_upstream_annotations()
    {
        Assert.Equal(ToolAccess.Read, fixture.Proposal.FindTool("lab_lookup")!.Access);
        Assert.Equal(ToolAccess.Write, fixture.Proposal.FindTool("lab_update")!.Access);
        Assert.Equal(ToolAccess.Destructive, fixture.Proposal.FindTool("lab_purge")!.Access);
        Assert.Equal("lab", fixture.Proposal.FindTool("lab_lookup")!.ToolSet);
    }

    [Fact]
    public void Proposal_pins_each_upstream_definition_with_its_hash()
    {
        var lookup = fixture.Proposal.FindTool("lab_lookup")!;
        Assert.Equal(new ManifestUpstream("lab", "lookup", lookup.Upstream!.DefinitionHash), lookup.Upstream);
        Assert.True(CanonicalJson.IsHash(lookup.Upstream.DefinitionHash));
        Assert.Equal("Looks a term up in the lab's index.", lookup.Description);

        // The same upstream under two namespaces: the same definition, pinned twice.
        Assert.Equal(lookup.Upstream.DefinitionHash, fixture.Proposal.FindTool("limited_lookup")!.Upstream!.DefinitionHash);
    }

    [Fact]
    public async Task Approved_manifest_pins_the_portal_at_start_up()
    {
        var approved = ApprovedManifest.Load(fixture.Portal.ApprovedPath);
        Assert.Equal(PortalFixture.Reviewer, approved.Approval.Reviewer);
        Assert.Equal(fixture.Proposal.Hash, approved.Manifest.Hash);

        // Nothing changed upstream since (or it was changed back): the approved portal has nothing new to propose.
        await PortalHost.Eventually(
            () => File.ReadAllText(fixture.Portal.ProposalPath).Contains(approved.Manifest.Hash, StringComparison.Ordinal),
            "the proposal is the approved manifest");
    }
}
