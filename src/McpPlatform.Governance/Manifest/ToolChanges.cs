using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>Classifies the changes to one tool for <see cref="ManifestDiff"/>.</summary>
internal static class ToolChanges
{
    public static ManifestChange Added(ManifestTool tool)
    {
        var risk = tool.Access == ToolAccess.Read ? ManifestRisk.Medium : ManifestRisk.High;
        var grants = tool.GrantedBy.Count == 0 ? "granted by no rule" : "granted by " + string.Join(", ", tool.GrantedBy.Select(g => DisplayText.Quote(g)));
        var from = tool.Upstream is { } upstream ? $" from {upstream}" : tool.OpenApi is { } operation ? $", calls {operation}" : SnippetChanges.Runs(tool);
        return new(ManifestChangeKind.ToolAdded, tool.Name, risk,
            $"new {tool.AccessName} tool{from}, scopes {List(tool.RequiredScopes)}, {grants}") { Upstream = tool.Upstream?.Namespace, OpenApi = tool.OpenApi?.Namespace };
    }

    public static ManifestChange Removed(ManifestTool tool) =>
        new(ManifestChangeKind.ToolRemoved, tool.Name, ManifestRisk.Low,
            $"{tool.AccessName} tool removed{(tool.Upstream is { } upstream ? $" (was {upstream})" : tool.OpenApi is { } operation ? $" (called {operation})" : string.Empty)}")
        {
            Upstream = tool.Upstream?.Namespace,
            OpenApi = tool.OpenApi?.Namespace,
        };

    public static void Compare(ManifestTool before, ManifestTool after, List<ManifestChange> changes)
    {
        var name = after.Name;
        if (after.Access != before.Access)
        {
            var widened = after.Access > before.Access;
            changes.Add(new(widened ? ManifestChangeKind.AccessWidened : ManifestChangeKind.AccessNarrowed, name,
                widened ? ManifestRisk.High : ManifestRisk.Low, $"access {before.AccessName} → {after.AccessName}"));
        }

        if (!before.RequiredScopes.SequenceEqual(after.RequiredScopes, StringComparer.Ordinal))
        {
            var removed = before.RequiredScopes.Except(after.RequiredScopes, StringComparer.Ordinal).ToList();
            changes.Add(new(ManifestChangeKind.ScopesChanged, name, removed.Count > 0 ? ManifestRisk.High : ManifestRisk.Low,
                $"required scopes {List(before.RequiredScopes)} → {List(after.RequiredScopes)}{(removed.Count > 0 ? $" (no longer requires {List(removed)})" : string.Empty)}"));
        }

        if (!before.GrantedBy.SequenceEqual(after.GrantedBy, StringComparer.Ordinal))
        {
            var added = after.GrantedBy.Except(before.GrantedBy, StringComparer.Ordinal).ToList();
            var risk = added.Count == 0 ? ManifestRisk.Low : after.Access == ToolAccess.Read ? ManifestRisk.Medium : ManifestRisk.High;
            changes.Add(new(ManifestChangeKind.GrantsChanged, name, risk, $"granted by {List(before.GrantedBy)} → {List(after.GrantedBy)}"));
        }

        if (before.Description != after.Description)
        {
            changes.Add(new(ManifestChangeKind.DescriptionChanged, name, ManifestRisk.High,
                $"description changed (the model reads it; check for tool poisoning): {DisplayText.Quote(before.Description)} → {DisplayText.Quote(after.Description)}"));
        }

        if (before.Title != after.Title)
        {
            changes.Add(new(ManifestChangeKind.TitleChanged, name, ManifestRisk.High,
                $"title changed (check for tool poisoning): {Optional(before.Title)} → {Optional(after.Title)}"));
        }

        if (before.ToolSet != after.ToolSet)
        {
            changes.Add(new(ManifestChangeKind.ToolSetChanged, name, ManifestRisk.Low, $"tool set {DisplayText.Quote(before.ToolSet)} → {DisplayText.Quote(after.ToolSet)}"));
        }

        if (before.InputSchemaHash != after.InputSchemaHash)
        {
            // Said for OpenAPI operations, whose schemas change with each version of the document (other tools' messages keep their form).
            var widened = after.OpenApi is not null && SchemaDifference.AcceptsMore(before.InputSchema, after.InputSchema) ? " (widened: accepts more)" : string.Empty;
            changes.Add(new(ManifestChangeKind.InputSchemaChanged, name, ManifestRisk.Medium,
                "input schema changed" + widened + SchemaDifference.Describe(before.InputSchema, after.InputSchema)) { OpenApi = after.OpenApi?.Namespace });
        }

        CompareOutputSchema(before, after, changes);
        CompareSecrets(before, after, changes);
        DataRuleChanges.Compare(before, after, changes);
        CompareCodeMode(before, after, changes);
        AnnotationChanges.Compare(before, after, changes);
        UpstreamChanges.Compare(before, after, changes);
        OpenApiChanges.Compare(before, after, changes);
        SnippetChanges.Compare(before, after, changes);
        CompareRevert(before, after, changes);
    }

    // A changed inverse changes what rollback runs: a reviewer sees which tool it now calls and with what.
    private static void CompareRevert(ManifestTool before, ManifestTool after, List<ManifestChange> changes)
    {
        if (Equals(before.Revert, after.Revert))
        {
            return;
        }

        changes.Add((before.Revert, after.Revert) switch
        {
            (null, { } added) => new(ManifestChangeKind.RevertChanged, after.Name, ManifestRisk.Medium, $"now rolled back by {added}"),
            ({ } removed, null) => new(ManifestChangeKind.RevertChanged, after.Name, ManifestRisk.Low, $"no longer rolled back (was {removed})"),
            _ => new(ManifestChangeKind.RevertChanged, after.Name, ManifestRisk.Medium, $"rolled back by {after.Revert} (was {before.Revert})"),
        });
    }

    private static void CompareOutputSchema(ManifestTool before, ManifestTool after, List<ManifestChange> changes)
    {
        var beforeHash = before.OutputSchema is { } b ? CanonicalJson.Sha256(b) : null;
        var afterHash = after.OutputSchema is { } a ? CanonicalJson.Sha256(a) : null;
        if (beforeHash == afterHash)
        {
            return;
        }

        var detail = (before.OutputSchema, after.OutputSchema) switch
        {
            (null, _) => " (added)",
            (_, null) => " (removed)",
            ({ } x, { } y) => SchemaDifference.Describe(x, y),
        };
        changes.Add(new(ManifestChangeKind.OutputSchemaChanged, after.Name, ManifestRisk.Low, "output schema changed" + detail));
    }

    private static void CompareSecrets(ManifestTool before, ManifestTool after, List<ManifestChange> changes)
    {
        var added = after.Secrets.Except(before.Secrets, StringComparer.Ordinal).ToList();
        var removed = before.Secrets.Except(after.Secrets, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            changes.Add(new(ManifestChangeKind.SecretsChanged, after.Name, ManifestRisk.High, $"now receives secret{(added.Count == 1 ? string.Empty : "s")} {List(added)}"));
        }

        if (removed.Count > 0)
        {
            changes.Add(new(ManifestChangeKind.SecretsChanged, after.Name, ManifestRisk.Low, $"no longer receives secret{(removed.Count == 1 ? string.Empty : "s")} {List(removed)}"));
        }
    }

    private static void CompareCodeMode(ManifestTool before, ManifestTool after, List<ManifestChange> changes)
    {
        if (before.CodeMode.Exposed != after.CodeMode.Exposed)
        {
            changes.Add(after.CodeMode.Exposed
                ? new(ManifestChangeKind.CodeModeChanged, after.Name, ManifestRisk.Medium, $"now exposed to Code Mode as codemode.{after.CodeMode.Name}")
                : new(ManifestChangeKind.CodeModeChanged, after.Name, ManifestRisk.Low, "no longer exposed to Code Mode"));
        }
        else if (before.CodeMode.Name != after.CodeMode.Name)
        {
            changes.Add(new(ManifestChangeKind.CodeModeChanged, after.Name, ManifestRisk.Low,
                $"Code Mode name {DisplayText.Quote(before.CodeMode.Name)} → {DisplayText.Quote(after.CodeMode.Name)}"));
        }
    }

    internal static string List(IEnumerable<string> items)
    {
        var quoted = items.Select(i => DisplayText.Quote(i, 80)).ToList();
        return quoted.Count == 0 ? "[]" : "[" + string.Join(", ", quoted) + "]";
    }

    private static string Optional(string? text) => text is null ? "(none)" : DisplayText.Quote(text);
}
