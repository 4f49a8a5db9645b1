using McpPlatform.Governance.Policy;
using static McpPlatform.Testing.PolicyExamples;

namespace McpPlatform.Hosting.Tests.Policy;

/// <summary>The policy engine over the catalog the source generator compiles into this assembly (the rest of its tests are in Governance.Tests).</summary>
public sealed class GeneratedCatalogPolicyTests
{
    [Fact]
    public void Generated_catalog_shows_a_reader_exactly_its_read_tools()
    {
        var catalog = McpPlatform.Generated.GeneratedMcpToolCatalog.Instance;
        var policy = new PolicyDecisionPoint(new PolicyOptions(), catalog.Descriptors);

        Assert.Equal(
            catalog.Descriptors.Where(d => d.Access == ToolAccess.Read).Select(d => d.Name),
            policy.VisibleTools(Caller()).Select(t => t.Name));
        Assert.Contains(catalog.Descriptors, d => d.Access != ToolAccess.Read);
    }
}
