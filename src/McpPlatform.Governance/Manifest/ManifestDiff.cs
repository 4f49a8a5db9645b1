namespace McpPlatform.Governance.Manifest;

/// <summary>
/// The changes between an approved manifest and the current one, each classified by risk. Anything above
/// <see cref="ManifestRisk.Info"/> needs re-approval.
/// </summary>
public sealed class ManifestDiff
{
    private ManifestDiff(string? approvedHash, string currentHash, IReadOnlyList<ManifestChange> changes)
    {
        ApprovedHash = approvedHash;
        CurrentHash = currentHash;
        Changes = changes;
    }

    /// <summary>The approved manifest's hash; null for <see cref="FirstApproval"/>.</summary>
    public string? ApprovedHash { get; }

    /// <summary>The current manifest's hash.</summary>
    public string CurrentHash { get; }

    /// <summary>True when both manifests have the same content.</summary>
    public bool Identical => string.Equals(ApprovedHash, CurrentHash, StringComparison.Ordinal);

    /// <summary>
    /// Server-wide changes first, then per tool, per resource and per prompt, each in name order; within one of them,
    /// highest risk first.
    /// </summary>
    public IReadOnlyList<ManifestChange> Changes { get; }

    /// <summary>True when any change is more than <see cref="ManifestRisk.Info"/>.</summary>
    public bool RequiresApproval => Changes.Any(c => c.Risk > ManifestRisk.Info);

    /// <summary>The highest risk among the changes, or null when there are none.</summary>
    public ManifestRisk? HighestRisk => Changes.Count == 0 ? null : Changes.Max(c => c.Risk);

    /// <summary>The changes that concern one tool.</summary>
    public IEnumerable<ManifestChange> ForTool(string name) => For(ManifestSubject.Tool, name);

    /// <summary>The changes that concern one resource.</summary>
    public IEnumerable<ManifestChange> ForResource(string name) => For(ManifestSubject.Resource, name);

    /// <summary>The changes that concern one prompt.</summary>
    public IEnumerable<ManifestChange> ForPrompt(string name) => For(ManifestSubject.Prompt, name);

    /// <summary>The diff for a manifest that was never approved: every tool, resource and prompt is added.</summary>
    public static ManifestDiff FirstApproval(ManifestDocument current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new ManifestDiff(null, current.Hash, current.Tools.Select(ToolChanges.Added)
            .Concat(current.Resources.Select(ResourcePromptChanges.Added))
            .Concat(current.Prompts.Select(ResourcePromptChanges.Added))
            .ToList());
    }

    /// <summary>Compares <paramref name="current"/> with <paramref name="approved"/>.</summary>
    public static ManifestDiff Compare(ManifestDocument approved, ManifestDocument current)
    {
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(current);
        var changes = new List<ManifestChange>();
        CompareServer(approved, current, changes);
        GovernanceChanges.Compare(approved, current, changes);
        OpenApiChanges.CompareDocuments(approved, current, changes);

        var names = approved.Tools.Select(t => t.Name).Union(current.Tools.Select(t => t.Name)).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var before = approved.FindTool(name);
            var after = current.FindTool(name);
            var toolChanges = new List<ManifestChange>();
            if (before is null)
            {
                toolChanges.Add(ToolChanges.Added(after!));
            }
            else if (after is null)
            {
                toolChanges.Add(ToolChanges.Removed(before));
            }
            else
            {
                ToolChanges.Compare(before, after, toolChanges);
            }

            changes.AddRange(toolChanges.OrderByDescending(c => c.Risk));
        }

        CompareEach(approved.Resources, current.Resources, r => r.Name, ResourcePromptChanges.Added, ResourcePromptChanges.Removed, ResourcePromptChanges.Compare, changes);
        CompareEach(approved.Prompts, current.Prompts, p => p.Name, ResourcePromptChanges.Added, ResourcePromptChanges.Removed, ResourcePromptChanges.Compare, changes);

        if (changes.Count == 0 && !string.Equals(approved.Hash, current.Hash, StringComparison.Ordinal))
        {
            changes.Add(new(ManifestChangeKind.OtherContentChanged, null, ManifestRisk.Medium,
                $"the manifest content changed ({approved.Hash} → {current.Hash}) in a way not listed by field; compare the files"));
        }

        return new ManifestDiff(approved.Hash, current.Hash, changes);
    }

    private IEnumerable<ManifestChange> For(ManifestSubject subject, string name) =>
        Changes.Where(c => c.Subject == subject && string.Equals(c.Tool, name, StringComparison.Ordinal));

    private static void CompareEach<T>(
        IReadOnlyList<T> approved,
        IReadOnlyList<T> current,
        Func<T, string> nameOf,
        Func<T, ManifestChange> added,
        Func<T, ManifestChange> removed,
        Action<T, T, List<ManifestChange>> compare,
        List<ManifestChange> changes)
    {
        var before = approved.ToDictionary(nameOf, StringComparer.Ordinal);
        var after = current.ToDictionary(nameOf, StringComparer.Ordinal);
        foreach (var name in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var itemChanges = new List<ManifestChange>();
            if (!before.TryGetValue(name, out var old))
            {
                itemChanges.Add(added(after[name]));
            }
            else if (!after.TryGetValue(name, out var now))
            {
                itemChanges.Add(removed(old));
            }
            else
            {
                compare(old, now, itemChanges);
            }

            changes.AddRange(itemChanges.OrderByDescending(c => c.Risk));
        }
    }

    private static void CompareServer(ManifestDocument approved, ManifestDocument current, List<ManifestChange> changes)
    {
        if (approved.Server.Name != current.Server.Name)
        {
            changes.Add(new(ManifestChangeKind.ServerNameChanged, null, ManifestRisk.Medium,
                $"server name {DisplayText.Quote(approved.Server.Name)} → {DisplayText.Quote(current.Server.Name)}"));
        }

        if (approved.CodeMode.Enabled != current.CodeMode.Enabled)
        {
            changes.Add(new(ManifestChangeKind.ServerCodeModeChanged, null, ManifestRisk.Medium,
                current.CodeMode.Enabled ? "Code Mode enabled: tools become callable from model-written JavaScript" : "Code Mode disabled"));
        }

        if (approved.CodeMode.Default != current.CodeMode.Default)
        {
            changes.Add(new(ManifestChangeKind.ServerCodeModeChanged, null, ManifestRisk.Medium,
                $"Code Mode default {approved.CodeMode.Default} → {current.CodeMode.Default}"));
        }

        if (approved.Server.Version != current.Server.Version)
        {
            changes.Add(new(ManifestChangeKind.ServerVersionChanged, null, ManifestRisk.Info,
                $"server version {DisplayText.Quote(approved.Server.Version)} → {DisplayText.Quote(current.Server.Version)}"));
        }
    }
}
