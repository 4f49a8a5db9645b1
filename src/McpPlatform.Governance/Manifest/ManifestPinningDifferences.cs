namespace McpPlatform.Governance.Manifest;

/// <summary>
/// What differs between the approved manifest and the one this server was compiled with, one line per change
/// (<see cref="ManifestDiff"/>, the same classification <c>mcp-platform manifest verify</c> prints), for the
/// start-up refusal or warning.
/// </summary>
internal static class ManifestPinningDifferences
{
    /// <summary>Each change as <c>[risk] tool 'name': message</c> (or <c>resource</c>, <c>prompt</c>), server-wide changes first.</summary>
    public static IReadOnlyList<string> Describe(ManifestDocument approved, ManifestDocument compiled) =>
        ManifestDiff.Compare(approved, compiled).Changes
            .Select(change => $"[{change.RiskName}] {(change.Tool is null ? "server" : $"{change.SubjectName} '{change.Tool}'")}: {change.Message}")
            .ToList();

    /// <summary>Added and removed tools by name, when the compiled manifest itself is not available (only the catalog is).</summary>
    public static IReadOnlyList<string> DescribeNames(ManifestDocument approved, IEnumerable<string> compiledToolNames)
    {
        var compiled = compiledToolNames.ToHashSet(StringComparer.Ordinal);
        var approvedNames = approved.Tools.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return compiled.Where(n => !approvedNames.Contains(n)).Order(StringComparer.Ordinal).Select(n => $"tool '{n}': not in the approved manifest")
            .Concat(approvedNames.Where(n => !compiled.Contains(n)).Order(StringComparer.Ordinal).Select(n => $"tool '{n}': approved but no longer exists"))
            .ToList();
    }
}
