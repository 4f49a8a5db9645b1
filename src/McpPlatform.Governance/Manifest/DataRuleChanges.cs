namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Classifies changes to a tool's DLP rules: a rule removed or an action weakened (block → redact → allow) is high
/// risk; a changed evaluation order is medium (an earlier rule can now act first); an added or strengthened rule is low.
/// </summary>
internal static class DataRuleChanges
{
    public static void Compare(ManifestTool before, ManifestTool after, List<ManifestChange> changes)
    {
        var name = after.Name;
        var afterByName = after.DataRules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var beforeByName = before.DataRules.ToDictionary(r => r.Name, StringComparer.Ordinal);

        foreach (var rule in before.DataRules.Where(r => !afterByName.ContainsKey(r.Name)))
        {
            changes.Add(new(ManifestChangeKind.DataRulesChanged, name, ManifestRisk.High,
                $"data rule {DisplayText.Quote(rule.Name)} removed (was arguments {Action(rule.Arguments)}, results {Action(rule.Results)})"));
        }

        foreach (var rule in after.DataRules.Where(r => !beforeByName.ContainsKey(r.Name)))
        {
            changes.Add(new(ManifestChangeKind.DataRulesChanged, name, ManifestRisk.Low,
                $"data rule {DisplayText.Quote(rule.Name)} added (arguments {Action(rule.Arguments)}, results {Action(rule.Results)})"));
        }

        foreach (var rule in after.DataRules.Where(r => beforeByName.ContainsKey(r.Name)))
        {
            var old = beforeByName[rule.Name];
            ActionChange(changes, name, rule.Name, "arguments", old.Arguments, rule.Arguments);
            ActionChange(changes, name, rule.Name, "results", old.Results, rule.Results);
        }

        var keptBefore = before.DataRules.Select(r => r.Name).Where(afterByName.ContainsKey).ToList();
        var keptAfter = after.DataRules.Select(r => r.Name).Where(beforeByName.ContainsKey).ToList();
        if (!keptBefore.SequenceEqual(keptAfter, StringComparer.Ordinal))
        {
            changes.Add(new(ManifestChangeKind.DataRulesChanged, name, ManifestRisk.Medium,
                $"data rule order {ToolChanges.List(keptBefore)} → {ToolChanges.List(keptAfter)} (rules are evaluated in order)"));
        }
    }

    private static void ActionChange(List<ManifestChange> changes, string tool, string rule, string side, ManifestDataAction before, ManifestDataAction after)
    {
        if (before == after)
        {
            return;
        }

        var weakened = after < before;
        changes.Add(new(ManifestChangeKind.DataRulesChanged, tool, weakened ? ManifestRisk.High : ManifestRisk.Low,
            $"data rule {DisplayText.Quote(rule)} on {side}: {Action(before)} → {Action(after)}{(weakened ? " (weakened)" : string.Empty)}"));
    }

    private static string Action(ManifestDataAction action) => ManifestNames.DataAction(action);
}
