namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Classifies changes to snippet tools for <see cref="ManifestDiff"/>: a script whose bytes changed (its hash), a tool that
/// became or stopped being a snippet. Added and removed snippets, access classes and input schemas are reported by the
/// kinds every tool has.
/// </summary>
internal static class SnippetChanges
{
    public static void Compare(ManifestTool before, ManifestTool after, List<ManifestChange> changes)
    {
        var (old, now) = (before.Snippet, after.Snippet);
        if (Equals(old, now))
        {
            return;
        }

        // A new script runs other calls with the caller's rights: as risky as a new tool, whatever its class.
        changes.Add((old, now) switch
        {
            ({ } was, { } script) => new(ManifestChangeKind.SnippetChanged, after.Name, ManifestRisk.High,
                $"snippet {DisplayText.Quote(script.Name)} script changed ({was.ScriptHash} → {script.ScriptHash}): review the new script"),
            (null, { } script) => new(ManifestChangeKind.SnippetChanged, after.Name, ManifestRisk.High,
                $"now runs snippet {DisplayText.Quote(script.Name)} ({script.ScriptHash})"),
            _ => new(ManifestChangeKind.SnippetChanged, after.Name, ManifestRisk.Medium,
                $"no longer runs snippet {DisplayText.Quote(old!.Name)}"),
        });
    }

    /// <summary>How an added or removed tool names its script, for the tool-added and tool-removed messages.</summary>
    public static string Runs(ManifestTool tool) =>
        tool.Snippet is { } script ? $", runs snippet {DisplayText.Quote(script.Name)} ({script.ScriptHash})" : string.Empty;
}
