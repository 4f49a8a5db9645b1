using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Policy;

/// <summary>A validated <see cref="PolicyRule"/> in the shape the decision point matches quickly.</summary>
internal sealed class CompiledRule
{
    /// <summary>Matches any tool (<c>*</c>).</summary>
    public const string AllTools = ToolPatterns.AllTools;

    /// <summary>Ends a tool set entry (<c>toolset/*</c>).</summary>
    public const string ToolSetSuffix = ToolPatterns.ToolSetSuffix;

    private readonly string[] _groups;
    private readonly KeyValuePair<string, string>[] _claims;
    private readonly ToolPatternSet _tools;
    private readonly bool _read;
    private readonly bool _write;
    private readonly bool _destructive;

    public CompiledRule(PolicyRule rule)
    {
        Name = rule.Name;
        Exclusive = rule.Exclusive;
        _groups = [.. rule.Groups];
        _claims = [.. rule.Claims];
        Scopes = [.. rule.Scopes.Distinct(StringComparer.Ordinal)];
        _tools = ToolPatterns.Compile(rule.Tools);
        foreach (var value in rule.Access)
        {
            if (AccessClass.TryParse(value, out var access))
            {
                _read |= access == ToolAccess.Read;
                _write |= access == ToolAccess.Write;
                _destructive |= access == ToolAccess.Destructive;
            }
        }

        Requirements = Describe();
    }

    public string Name { get; }

    public bool Exclusive { get; }

    /// <summary>The scopes the token must all carry.</summary>
    public string[] Scopes { get; }

    /// <summary>The rule as a denied caller may see it: <c>'name' (scopes: s)</c>; groups and claims are left out.</summary>
    public string Requirements { get; }

    /// <summary>True when the rule grants <paramref name="access"/> (an effective class) on the tool.</summary>
    public bool Covers(McpToolDescriptor tool, ToolAccess access)
    {
        var granted = access switch
        {
            ToolAccess.Read => _read,
            ToolAccess.Write => _write,
            ToolAccess.Destructive => _destructive,
            _ => false,
        };
        return granted && _tools.Matches(tool);
    }

    /// <summary>True when the caller is in one of the groups (if any) and has every claim.</summary>
    public bool MatchesIdentity(CallerIdentity caller)
    {
        if (_groups.Length > 0 && !InAnyGroup(caller))
        {
            return false;
        }

        foreach (var (type, value) in _claims)
        {
            if (!caller.HasClaim(type, value))
            {
                return false;
            }
        }

        return true;
    }

    private bool InAnyGroup(CallerIdentity caller)
    {
        foreach (var group in _groups)
        {
            if (caller.InGroup(group))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the token carries every scope the rule requires.</summary>
    public bool HasScopes(CallerIdentity caller)
    {
        foreach (var scope in Scopes)
        {
            if (!caller.HasScope(scope))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The required scopes the token lacks, in configuration order.</summary>
    public string[] MissingScopes(CallerIdentity caller) => [.. Scopes.Where(s => !caller.HasScope(s))];

    // What a denied caller is told about a rule that would grant the tool: its name and the scopes it
    // needs (what a client can ask for at step-up), never its groups or claims, which would tell a
    // caller which group memberships or claim values to look for.
    private string Describe() =>
        Scopes.Length > 0 ? $"'{Name}' (scopes: {string.Join(", ", Scopes)})" : $"'{Name}'";
}
