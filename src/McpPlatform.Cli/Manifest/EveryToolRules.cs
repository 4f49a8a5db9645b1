using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Manifest;

/// <summary>
/// The data rules and grants that every current tool has, shown once at the top of the review page instead of on
/// every row: a portal in front of many upstreams has hundreds of tools, and the built-in data rules repeated on
/// each would hide the rules that differ. Only worked out for two or more tools (one tool's rules are its own).
/// </summary>
internal sealed class EveryToolRules
{
    private EveryToolRules(IReadOnlyList<ManifestDataRule> dataRules, IReadOnlyList<string> grantedBy)
    {
        DataRules = dataRules;
        GrantedBy = grantedBy;
    }

    /// <summary>Data rules with the same actions on every tool, in the first tool's evaluation order.</summary>
    public IReadOnlyList<ManifestDataRule> DataRules { get; }

    /// <summary>Grants (policy rule names, <c>default-read</c>) on every tool, sorted.</summary>
    public IReadOnlyList<string> GrantedBy { get; }

    /// <summary>True when there is anything to show once.</summary>
    public bool Any => DataRules.Count > 0 || GrantedBy.Count > 0;

    public static EveryToolRules Of(IReadOnlyList<ManifestTool> tools)
    {
        if (tools.Count < 2)
        {
            return new([], []);
        }

        var dataRules = tools[0].DataRules.Where(rule => tools.All(t => t.DataRules.Contains(rule))).ToList();
        var grants = tools[0].GrantedBy.Where(grant => tools.All(t => t.GrantedBy.Contains(grant, StringComparer.Ordinal))).ToList();
        return new(dataRules, grants);
    }

    /// <summary>The tool's data rules without the every-tool ones, or all of them when it lacks one (a removed tool).</summary>
    public (IReadOnlyList<ManifestDataRule> Rules, bool PlusEveryTool) DataRulesOf(ManifestTool tool) =>
        DataRules.Count > 0 && DataRules.All(tool.DataRules.Contains)
            ? (tool.DataRules.Where(r => !DataRules.Contains(r)).ToList(), true)
            : (tool.DataRules, false);

    /// <summary>The tool's grants without the every-tool ones, or all of them when it lacks one (a removed tool).</summary>
    public (IReadOnlyList<string> Grants, bool PlusEveryTool) GrantsOf(ManifestTool tool) =>
        GrantedBy.Count > 0 && GrantedBy.All(g => tool.GrantedBy.Contains(g, StringComparer.Ordinal))
            ? (tool.GrantedBy.Where(g => !GrantedBy.Contains(g, StringComparer.Ordinal)).ToList(), true)
            : (tool.GrantedBy, false);
}
