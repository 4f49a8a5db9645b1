using McpPlatform.Governance.Manifest;

namespace McpPlatform.Portal.Manifest;

/// <summary>One upstream tool of the approved manifest: the entry a reviewer approved and the definition it pins.</summary>
/// <param name="Tool">The manifest entry (the portal's name, description, access class, schemas).</param>
/// <param name="Namespace">The upstream's namespace (<c>upstream.namespace</c>).</param>
/// <param name="UpstreamName">The upstream's own name for the tool (<c>upstream.tool</c>).</param>
/// <param name="DefinitionHash">The approved definition's fingerprint (<c>upstream.definitionHash</c>).</param>
internal sealed record ApprovedUpstreamTool(ManifestTool Tool, string Namespace, string UpstreamName, string DefinitionHash);
