namespace McpPlatform.Governance.Tools;

/// <summary>
/// How policy rules and data (DLP) rules name tools in their <c>Tools</c> lists, in one place: <c>*</c> is every
/// tool, <c>toolset/*</c> every tool of a tool set, <c>jira_*</c> (a trailing wildcard) every tool whose name starts
/// with <c>jira_</c> (all tools of a portal upstream with that namespace), and anything else one tool by exact name.
/// </summary>
/// <remarks>
/// Only a trailing wildcard is supported, so an entry reads as exactly one prefix: no regular expressions, nothing a
/// reviewer has to simulate. Tool names cannot contain <c>/</c>, so <c>x/*</c> always means the tool set.
/// </remarks>
public static class ToolPatterns
{
    /// <summary>Every tool.</summary>
    public const string AllTools = "*";

    /// <summary>Ends a tool set entry: <c>toolset/*</c>.</summary>
    public const string ToolSetSuffix = "/*";

    private const char Wildcard = '*';

    /// <summary>True when <paramref name="entry"/> is a tool set entry (<c>toolset/*</c>).</summary>
    public static bool IsToolSet(string entry) =>
        entry.Length > ToolSetSuffix.Length && entry.EndsWith(ToolSetSuffix, StringComparison.Ordinal);

    /// <summary>True when <paramref name="entry"/> is a name prefix with a trailing wildcard (<c>jira_*</c>), not <c>*</c> or a tool set.</summary>
    public static bool IsPrefix(string entry) =>
        entry.Length > 1 && entry[^1] == Wildcard && !IsToolSet(entry) && entry.IndexOf(Wildcard) == entry.Length - 1;

    /// <summary>
    /// What is wrong with the wildcard in <paramref name="entry"/>, or null when there is nothing wrong: a <c>*</c>
    /// anywhere but at the end (<c>*_search</c>, <c>ji*ra</c>) is refused rather than read as a literal name.
    /// </summary>
    public static string? WildcardProblem(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var first = entry.IndexOf(Wildcard);
        return first < 0 || first == entry.Length - 1
            ? null
            : "a '*' is allowed only at the end ('jira_*' for every tool whose name starts with 'jira_', 'toolset/*' for a tool set, '*' for every tool)";
    }

    /// <summary>True when the entry names the tool: <c>*</c>, its tool set, a prefix of its name, or its exact name.</summary>
    public static bool Matches(string entry, string toolName, string toolSet)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry == AllTools)
        {
            return true;
        }

        if (IsToolSet(entry))
        {
            return string.Equals(entry[..^ToolSetSuffix.Length], toolSet, StringComparison.Ordinal);
        }

        return IsPrefix(entry)
            ? toolName.StartsWith(entry.AsSpan(0, entry.Length - 1), StringComparison.Ordinal)
            : string.Equals(entry, toolName, StringComparison.Ordinal);
    }

    /// <summary>Compiles a <c>Tools</c> list into a matcher; <paramref name="emptyMeansAll"/> for data rules, where no list means every tool.</summary>
    public static ToolPatternSet Compile(IEnumerable<string> entries, bool emptyMeansAll = false) => new(entries, emptyMeansAll);
}

/// <summary>A compiled <c>Tools</c> list (<see cref="ToolPatterns"/>), matched without allocating.</summary>
public sealed class ToolPatternSet
{
    private readonly bool _all;
    private readonly HashSet<string> _names;
    private readonly HashSet<string> _toolSets;
    private readonly string[] _prefixes;

    internal ToolPatternSet(IEnumerable<string> entries, bool emptyMeansAll)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList();
        _all = (emptyMeansAll && list.Count == 0) || list.Contains(ToolPatterns.AllTools, StringComparer.Ordinal);
        _toolSets = list.Where(ToolPatterns.IsToolSet).Select(e => e[..^ToolPatterns.ToolSetSuffix.Length]).ToHashSet(StringComparer.Ordinal);
        _prefixes = [.. list.Where(ToolPatterns.IsPrefix).Select(e => e[..^1]).Distinct(StringComparer.Ordinal)];
        _names = list.Where(e => e != ToolPatterns.AllTools && !ToolPatterns.IsToolSet(e) && !ToolPatterns.IsPrefix(e)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True when the list covers every tool (<c>*</c>, or empty where that means every tool).</summary>
    public bool MatchesAll => _all;

    /// <summary>True when the list names the tool.</summary>
    public bool Matches(McpToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return Matches(tool.Name, tool.ToolSet);
    }

    /// <summary>True when the list names the tool with this name and tool set.</summary>
    public bool Matches(string toolName, string toolSet)
    {
        if (_all || _names.Contains(toolName) || _toolSets.Contains(toolSet))
        {
            return true;
        }

        foreach (var prefix in _prefixes)
        {
            if (toolName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
