using McpPlatform.Governance.Manifest;

namespace McpPlatform.Portal.Manifest;

/// <summary>
/// The portal's approved manifest (<c>mcp-manifest.approved.json</c>): the upstream tools a reviewer approved, each with
/// the definition it pins. It is the portal's tool surface: nothing else is ever offered. Read once at start-up, where
/// the platform's start-up pinning (<c>McpPlatform:Manifest</c>) looks for it; a new approval takes effect on restart.
/// </summary>
internal sealed class PortalManifest
{
    private PortalManifest(string? path, ApprovedManifest? approved, IReadOnlyList<ApprovedUpstreamTool> tools, string? problem)
    {
        Path = path;
        Approved = approved;
        Tools = tools;
        Problem = problem;
    }

    /// <summary>The approved file (whether or not it exists): the proposal is written beside it.</summary>
    public string? Path { get; }

    /// <summary>The approval, when the file exists and is valid.</summary>
    public ApprovedManifest? Approved { get; }

    /// <summary>The approved upstream tools, by the portal's name.</summary>
    public IReadOnlyList<ApprovedUpstreamTool> Tools { get; }

    /// <summary>Why nothing is approved (no file, unreadable, tampered); null when <see cref="Approved"/> is set.</summary>
    public string? Problem { get; }

    /// <summary>
    /// Reads the approved manifest from <paramref name="approvedPath"/> (<c>McpPlatform:Manifest:ApprovedPath</c>, relative to
    /// the content root) or, when unset, from the output folder and then the content root, as start-up pinning does.
    /// A missing, malformed or tampered file approves nothing (pinning reports it, and refuses to start where approval is required).
    /// </summary>
    public static PortalManifest Load(string? approvedPath, string contentRoot)
    {
        var candidates = string.IsNullOrWhiteSpace(approvedPath)
            ? new[] { AppContext.BaseDirectory, contentRoot }.Select(folder => System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, ManifestFiles.ApprovedFileName))).Distinct(StringComparer.Ordinal).ToArray()
            : [System.IO.Path.GetFullPath(approvedPath, contentRoot)];
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
        {
            // Without an approval, the proposal goes where the reviewer will approve it: the configured path, else the content root.
            var target = string.IsNullOrWhiteSpace(approvedPath) ? candidates[^1] : candidates[0];
            return new PortalManifest(target, null, [], $"no approved manifest at {string.Join(" or ", candidates)}");
        }

        try
        {
            var approved = ApprovedManifest.Load(path);
            return new PortalManifest(path, approved, ReadUpstreamTools(approved.Manifest), null);
        }
        catch (Exception failure) when (failure is ManifestFormatException or ManifestTamperedException or IOException or UnauthorizedAccessException)
        {
            return new PortalManifest(path, null, [], $"the approved manifest '{path}' cannot be used: {failure.Message}");
        }
    }

    /// <summary>The path the proposal is written to: <c>mcp-manifest.json</c> beside the approved file.</summary>
    public string ProposalPath => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path) ?? ".", ManifestFiles.ManifestFileName);

    /// <summary>The tools of the manifest that carry an <c>upstream</c> section (<see cref="ManifestTool.Upstream"/>).</summary>
    private static List<ApprovedUpstreamTool> ReadUpstreamTools(ManifestDocument manifest) =>
        [.. manifest.Tools
            .Where(tool => tool.Upstream is not null)
            .Select(tool => new ApprovedUpstreamTool(tool))];
}
