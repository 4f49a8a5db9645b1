using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Manifest;

/// <summary>
/// The data rules and grants that every tool of a group has (every tool of the manifest, or every tool of one portal
/// upstream), shown once instead of on every row: a portal in front of many upstreams has hundreds of tools, and the
/// built-in data rules or an upstream's own rule repeated on each would hide the rules that differ. A group's rules
/// leave out what its parent group (the whole manifest) already shows. Only worked out for two or more tools.
/// </summary>
internal sealed class EveryToolRules
{
    private readonly EveryToolRules? _parent;

    private EveryToolRules(IReadOnlyList<ManifestDataRule> dataRules, IReadOnlyList<string> grantedBy, EveryToolRules? parent, string note)
    {
        DataRules = dataRules;
        GrantedBy = grantedBy;
        _parent = parent;
        Note = note;
    }

    /// <summary>Data rules with the same actions on every tool of the group, in the first tool's evaluation order.</summary>
    public IReadOnlyList<ManifestDataRule> DataRules { get; }

    /// <summary>Grants (policy rule names, <c>default-read</c>) on every tool of the group, sorted.</summary>
    public IReadOnlyList<string> GrantedBy { get; }

    /// <summary>What a row says instead of listing them: <c>the rules for every tool</c>.</summary>
    public string Note { get; }

    /// <summary>True when there is anything to show once.</summary>
    public bool Any => DataRules.Count > 0 || GrantedBy.Count > 0;

    /// <summary>The rules every tool of <paramref name="tools"/> has, less those <paramref name="parent"/> shows.</summary>
    public static EveryToolRules Of(IReadOnlyList<ManifestTool> tools, EveryToolRules? parent = null, string note = "the rules for every tool")
    {
        if (tools.Count < 2)
        {
            return new([], [], parent, note);
        }

        var dataRules = tools[0].DataRules.Where(rule => tools.All(t => t.DataRules.Contains(rule)) && parent?.Shows(rule) != true).ToList();
        var grants = tools[0].GrantedBy.Where(grant => tools.All(t => t.GrantedBy.Contains(grant, StringComparer.Ordinal)) && parent?.Shows(grant) != true).ToList();
        return new(dataRules, grants, parent, note);
    }

    /// <summary>The tool's data rules without the ones shown once, and the notes that say where those are.</summary>
    public (IReadOnlyList<ManifestDataRule> Rules, IReadOnlyList<string> Notes) DataRulesOf(ManifestTool tool)
    {
        var (rules, notes) = _parent?.DataRulesOf(tool) ?? (tool.DataRules, []);

        // A tool that lacks one of them (a removed tool) keeps its whole list, so no row claims a rule it does not have.
        return DataRules.Count > 0 && DataRules.All(rules.Contains)
            ? ([.. rules.Where(r => !DataRules.Contains(r))], [.. notes, Note])
            : (rules, notes);
    }

    /// <summary>The tool's grants without the ones shown once, and the notes that say where those are.</summary>
    public (IReadOnlyList<string> Grants, IReadOnlyList<string> Notes) GrantsOf(ManifestTool tool)
    {
        var (grants, notes) = _parent?.GrantsOf(tool) ?? (tool.GrantedBy, []);
        return GrantedBy.Count > 0 && GrantedBy.All(g => grants.Contains(g, StringComparer.Ordinal))
            ? ([.. grants.Where(g => !GrantedBy.Contains(g, StringComparer.Ordinal))], [.. notes, Note])
            : (grants, notes);
    }

    private bool Shows(ManifestDataRule rule) => DataRules.Contains(rule) || _parent?.Shows(rule) == true;

    private bool Shows(string grant) => GrantedBy.Contains(grant, StringComparer.Ordinal) || _parent?.Shows(grant) == true;
}
