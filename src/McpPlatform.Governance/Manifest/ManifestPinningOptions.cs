namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Start-up pinning of the tool surface to the reviewed manifest, bound from <c>McpPlatform:Manifest</c>:
/// the compiled manifest hash must equal the hash in <c>mcp-manifest.approved.json</c>, and the governance the server
/// enforces (its bound policy, DLP, rate limit, Code Mode and audit options, request body limit, forwarded headers and
/// accepted token types) must not be weaker than the approved one.
/// </summary>
public sealed class ManifestPinningOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = McpPlatformOptions.SectionName + ":Manifest";

    /// <summary>
    /// The approved manifest file; a relative path is taken from the content root. When not set, the server
    /// looks for <c>mcp-manifest.approved.json</c> in its output folder (<c>AppContext.BaseDirectory</c>, where
    /// the build copies it), then in the content root.
    /// </summary>
    public string? ApprovedPath { get; set; }

    /// <summary>
    /// Refuse to start when the tool surface is not the approved one or the effective governance is weaker than approved.
    /// Default: true outside Development, false in Development (where a difference is logged as a warning). Setting it to false outside Development is an
    /// explicit opt-out, logged as a warning at every start.
    /// </summary>
    public bool? RequireApproval { get; set; }
}
