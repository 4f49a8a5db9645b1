namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Classifies changes to OpenAPI operations for <see cref="ManifestDiff"/>: per document (namespace), a server-wide
/// row when the document's hash changed, with what the new version adds, removes and widens; per operation, a tool
/// that became or stopped being an operation, or whose operation now calls another method or path. Added and removed
/// operations, access classes, scopes and schemas are reported by the kinds every tool has.
/// </summary>
internal static class OpenApiChanges
{
    public static void CompareDocuments(ManifestDocument approved, ManifestDocument current, List<ManifestChange> changes)
    {
        var before = Documents(approved);
        var after = Documents(current);
        foreach (var name in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(name);
            var now = after.GetValueOrDefault(name);
            if (old is not null && now is not null && old.Hash == now.Hash)
            {
                continue;
            }

            var (risk, message) = (old, now) switch
            {
                (null, { } added) => (ManifestRisk.Medium, $"OpenAPI document {DisplayText.Quote(name)} added: {Count(added.Tools.Count, "operation")} ({Classes(added.Tools)})"),
                ({ } removed, null) => (ManifestRisk.Low, $"OpenAPI document {DisplayText.Quote(name)} removed: {Count(removed.Tools.Count, "operation")} gone"),
                _ => (ManifestRisk.Medium, $"OpenAPI document {DisplayText.Quote(name)} changed ({old!.Hash} → {now!.Hash}): {Summary(old, now)}"),
            };
            changes.Add(new(ManifestChangeKind.OpenApiChanged, null, risk, message) { OpenApi = name });
        }
    }

    public static void Compare(ManifestTool before, ManifestTool after, List<ManifestChange> changes)
    {
        var (old, now) = (before.OpenApi, after.OpenApi);
        if (old is null && now is null)
        {
            return;
        }

        if (old is not null && now is not null)
        {
            if (old.Namespace == now.Namespace && old.Method == now.Method && old.Path == now.Path)
            {
                return;
            }

            changes.Add(new(ManifestChangeKind.OpenApiChanged, after.Name, ManifestRisk.High, $"now calls {now} (was {old})") { OpenApi = now.Namespace });
            return;
        }

        changes.Add(now is not null
            ? new(ManifestChangeKind.OpenApiChanged, after.Name, ManifestRisk.High, $"now calls {now}: the server sends the arguments to an HTTP API") { OpenApi = now.Namespace }
            : new(ManifestChangeKind.OpenApiChanged, after.Name, ManifestRisk.Medium, $"no longer calls {old}; the server runs the tool itself") { OpenApi = old!.Namespace });
    }

    private sealed record Document(string Hash, List<ManifestTool> Tools);

    private static Dictionary<string, Document> Documents(ManifestDocument manifest) =>
        manifest.Tools.Where(t => t.OpenApi is not null)
            .GroupBy(t => t.OpenApi!.Namespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Document(g.First().OpenApi!.DocumentHash, [.. g]), StringComparer.Ordinal);

    /// <summary>What the new version of the document adds, removes and widens: counts, each list capped.</summary>
    private static string Summary(Document old, Document now)
    {
        var before = old.Tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var after = now.Tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var added = after.Keys.Where(k => !before.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Where(k => !after.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var kept = after.Keys.Where(before.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var widenedAccess = kept.Where(k => after[k].Access > before[k].Access).ToList();
        var widenedInput = kept.Where(k => SchemaDifference.AcceptsMore(before[k].InputSchema, after[k].InputSchema)).ToList();
        var otherwise = kept.Where(k => !widenedAccess.Contains(k) && !widenedInput.Contains(k) && Differs(before[k], after[k])).ToList();
        var parts = new List<string>();
        Add(parts, "added", added);
        Add(parts, "removed", removed);
        Add(parts, "access raised", widenedAccess);
        Add(parts, "input accepts more", widenedInput);
        Add(parts, "otherwise changed", otherwise);
        return parts.Count == 0 ? "no operation changed as the manifest shows it" : string.Join("; ", parts);
    }

    private static bool Differs(ManifestTool a, ManifestTool b) =>
        a.InputSchemaHash != b.InputSchemaHash || a.OutputSchemaHash != b.OutputSchemaHash || a.Description != b.Description
        || a.Access != b.Access || !a.RequiredScopes.SequenceEqual(b.RequiredScopes, StringComparer.Ordinal)
        || a.OpenApi?.Method != b.OpenApi?.Method || a.OpenApi?.Path != b.OpenApi?.Path;

    private static void Add(List<string> parts, string what, List<string> names)
    {
        const int Shown = 5;
        if (names.Count == 0)
        {
            return;
        }

        var listed = string.Join(", ", names.Take(Shown).Select(n => DisplayText.Quote(n, 80)));
        parts.Add($"{what} {names.Count} ({listed}{(names.Count > Shown ? ", …" : string.Empty)})");
    }

    private static string Classes(IEnumerable<ManifestTool> tools) =>
        string.Join(", ", tools.GroupBy(t => t.Access).OrderBy(g => g.Key).Select(g => $"{g.Count()} {ManifestNames.Access(g.Key)}"));

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
