namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Classifies changes to a portal tool's <c>upstream</c> section for <see cref="ManifestDiff"/>. A changed definition
/// hash is the rug pull the section exists to catch: the upstream serves something other than what was approved under
/// the same name, so it is high risk whatever else the diff says. The message names the upstream and, where the
/// manifest's own fields show it, what part of the definition changed.
/// </summary>
internal static class UpstreamChanges
{
    public static void Compare(ManifestTool before, ManifestTool after, List<ManifestChange> changes)
    {
        var old = before.Upstream;
        var now = after.Upstream;
        if (old == now)
        {
            return;
        }

        var (risk, message) = (old, now) switch
        {
            (null, { } added) => (ManifestRisk.High, $"now served by {added}: the portal forwards calls to another server"),
            ({ } removed, null) => (ManifestRisk.Medium, $"no longer served by {removed}; the server runs the tool itself"),
            ({ } was, { } @is) when was.Namespace != @is.Namespace || was.Tool != @is.Tool =>
                (ManifestRisk.High, $"now served by {@is} (was {was})"),
            _ => (ManifestRisk.High, $"{now} definition changed ({ChangedParts(before, after)}): {old!.DefinitionHash} → {now!.DefinitionHash}"),
        };
        changes.Add(new(ManifestChangeKind.UpstreamChanged, after.Name, risk, message) { Upstream = (now ?? old)!.Namespace });
    }

    /// <summary>The parts of the definition the manifest shows that differ; an override (a description set in the portal's configuration) can hide one.</summary>
    private static string ChangedParts(ManifestTool before, ManifestTool after)
    {
        var parts = new List<string>();
        if (before.Description != after.Description)
        {
            parts.Add("description");
        }

        if (before.InputSchemaHash != after.InputSchemaHash)
        {
            parts.Add("input schema");
        }

        if (!SameJson(before.OutputSchema, after.OutputSchema))
        {
            parts.Add("output schema");
        }

        if (before.Annotations != after.Annotations)
        {
            parts.Add("annotations");
        }

        return parts.Count > 0
            ? string.Join(", ", parts)
            : "in a part this manifest does not show, such as a description the portal overrides; compare the upstream's tools/list";
    }

    private static bool SameJson(System.Text.Json.JsonElement? a, System.Text.Json.JsonElement? b) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) => CanonicalJson.Sha256(x) == CanonicalJson.Sha256(y),
            _ => false,
        };
}
