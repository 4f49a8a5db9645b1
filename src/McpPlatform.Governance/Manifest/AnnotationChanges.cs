namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Classifies changes to a tool's annotations for <see cref="ManifestDiff"/>. Clients decide on these hints what to
/// retry and what to confirm with the user, so a hint that lets a client do more unasked is a risk. Undeclared hints
/// are read with the MCP defaults (idempotent false, openWorld true); readOnly and destructive follow the access class,
/// whose change is reported as such.
/// </summary>
internal static class AnnotationChanges
{
    public static void Compare(ManifestTool before, ManifestTool after, List<ManifestChange> changes)
    {
        if (before.Annotations is not { } old || after.Annotations is not { } now)
        {
            if (before.Annotations is null != after.Annotations is null)
            {
                changes.Add(new(ManifestChangeKind.AnnotationsChanged, after.Name, ManifestRisk.Info,
                    after.Annotations is null ? "annotations no longer recorded" : "annotations recorded in the manifest for the first time: " + Describe(after.Annotations)));
            }

            return;
        }

        if (old.Idempotent != now.Idempotent)
        {
            var lost = (old.Idempotent ?? false) && !(now.Idempotent ?? false);
            changes.Add(new(ManifestChangeKind.AnnotationsChanged, after.Name, lost ? ManifestRisk.Medium : ManifestRisk.Low,
                $"idempotent {Hint(old.Idempotent)} → {Hint(now.Idempotent)}" + (lost ? " (clients that retried it safely may now repeat its effect or stop retrying)" : string.Empty)));
        }

        if (old.OpenWorld != now.OpenWorld)
        {
            var opened = !(old.OpenWorld ?? true) && (now.OpenWorld ?? true);
            changes.Add(new(ManifestChangeKind.AnnotationsChanged, after.Name, opened ? ManifestRisk.Medium : ManifestRisk.Low,
                $"openWorld {Hint(old.OpenWorld)} → {Hint(now.OpenWorld)}" + (opened ? " (the tool now reaches systems outside the server: data may leave)" : string.Empty)));
        }

        if (before.Access == after.Access && (old.ReadOnly != now.ReadOnly || old.Destructive != now.Destructive))
        {
            changes.Add(new(ManifestChangeKind.AnnotationsChanged, after.Name, ManifestRisk.Medium,
                $"readOnly {Hint(old.ReadOnly)} → {Hint(now.ReadOnly)}, destructive {Hint(old.Destructive)} → {Hint(now.Destructive)}"));
        }
    }

    private static string Hint(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "(not declared)",
    };

    private static string Describe(ManifestToolAnnotations a) =>
        $"readOnly {Hint(a.ReadOnly)}, destructive {Hint(a.Destructive)}, idempotent {Hint(a.Idempotent)}, openWorld {Hint(a.OpenWorld)}";
}
