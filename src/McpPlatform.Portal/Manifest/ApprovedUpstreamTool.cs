using McpPlatform.Governance.Manifest;

namespace McpPlatform.Portal.Manifest;

/// <summary>
/// One upstream tool of the approved manifest: the entry a reviewer approved and the definition it pins, read from the
/// entry's <c>upstream</c> section (so the two cannot disagree).
/// </summary>
internal sealed record ApprovedUpstreamTool
{
    private readonly ManifestUpstream _upstream;

    /// <summary>Wraps a manifest entry that has an <c>upstream</c> section.</summary>
    public ApprovedUpstreamTool(ManifestTool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        Tool = tool;
        _upstream = tool.Upstream ?? throw new ArgumentException($"Tool '{tool.Name}' has no upstream section.", nameof(tool));
    }

    /// <summary>The manifest entry (the portal's name, description, access class, schemas).</summary>
    public ManifestTool Tool { get; }

    /// <summary>The upstream's namespace (<c>upstream.namespace</c>).</summary>
    public string Namespace => _upstream.Namespace;

    /// <summary>The upstream's own name for the tool (<c>upstream.tool</c>).</summary>
    public string UpstreamName => _upstream.Tool;

    /// <summary>The approved definition's fingerprint (<c>upstream.definitionHash</c>).</summary>
    public string DefinitionHash => _upstream.DefinitionHash;
}
