using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Policy;

/// <summary>
/// Checks a policy against the server's tools before it is used, so a mistake fails start-up
/// with a message naming the rule and setting instead of silently denying (or allowing) calls.
/// </summary>
public static class PolicyValidator
{
    private const string Section = PolicyOptions.SectionName;
    private const int MaxNamesListed = 20;

    /// <summary>Every problem with <paramref name="options"/> for the tools of <paramref name="catalog"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(PolicyOptions options, ToolDescriptorSet catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        var failures = new List<string>();
        CheckScopes(failures, options);

        var tools = catalog.Select(d => d.Name).ToArray();
        var toolSets = catalog.Select(d => d.ToolSet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (options.Rules?.Count ?? 0); i++)
        {
            var rule = options.Rules![i];
            if (rule is null)
            {
                failures.Add($"{Section}:Rules[{i}] is empty.");
                continue;
            }

            var label = string.IsNullOrWhiteSpace(rule.Name) ? $"{Section}:Rules[{i}]" : $"{Section}:Rules[{i}] ('{rule.Name}')";
            CheckName(failures, label, rule, i, names);
            CheckGroups(failures, label, rule);
            CheckClaims(failures, label, rule);
            CheckTools(failures, label, rule, tools, toolSets);
            CheckAccessAndScopes(failures, label, rule, options);
            if (rule.Exclusive && (rule.Groups?.Length ?? 0) == 0 && (rule.Claims?.Count ?? 0) == 0)
            {
                failures.Add($"{label}: Exclusive is set but Groups and Claims are empty, so the profile would apply to every caller; name the profile's groups or claims (or set {Section}:DefaultRead to false).");
            }
        }

        return failures;
    }

    private static void CheckScopes(List<string> failures, PolicyOptions options)
    {
        CheckScopeSetting(failures, nameof(options.ReadScope), options.ReadScope, "mcp:read");
        CheckScopeSetting(failures, nameof(options.WriteScope), options.WriteScope, "mcp:write");
        CheckScopeSetting(failures, nameof(options.DestructiveScope), options.DestructiveScope, "mcp:destructive");
        CheckDistinct(failures, nameof(options.ReadScope), options.ReadScope, nameof(options.WriteScope), options.WriteScope,
            "a token allowed to read would also carry the scope that writes need");
        CheckDistinct(failures, nameof(options.ReadScope), options.ReadScope, nameof(options.DestructiveScope), options.DestructiveScope,
            "a token allowed to read would also carry the scope that destructive calls need");
        CheckDistinct(failures, nameof(options.WriteScope), options.WriteScope, nameof(options.DestructiveScope), options.DestructiveScope,
            "a token allowed to write would also carry the scope that destructive calls need");
    }

    private static void CheckScopeSetting(List<string> failures, string setting, string? scope, string example)
    {
        if (!IsScope(scope))
        {
            failures.Add($"{Section}:{setting} must be a scope name without spaces, such as '{example}' (got '{scope}').");
        }
    }

    private static void CheckDistinct(List<string> failures, string first, string? a, string second, string? b, string consequence)
    {
        if (IsScope(a) && string.Equals(a, b, StringComparison.Ordinal))
        {
            failures.Add($"{Section}:{first} and {Section}:{second} must differ (both are '{a}'): {consequence}.");
        }
    }

    private static void CheckName(List<string> failures, string label, PolicyRule rule, int index, Dictionary<string, int> names)
    {
        if (string.IsNullOrWhiteSpace(rule.Name))
        {
            failures.Add($"{label}: Name is required; decisions and audit records name the rule that decided.");
        }
        else if (!names.TryAdd(rule.Name.Trim(), index))
        {
            failures.Add($"{label}: Name '{rule.Name}' is already used by {Section}:Rules[{names[rule.Name.Trim()]}]; rule names must be unique.");
        }
    }

    private static void CheckGroups(List<string> failures, string label, PolicyRule rule)
    {
        foreach (var group in rule.Groups ?? [])
        {
            if (string.IsNullOrWhiteSpace(group))
            {
                failures.Add($"{label}: Groups contains an empty group name.");
            }
            else if (group.Any(c => char.IsWhiteSpace(c) || c == ','))
            {
                failures.Add($"{label}: Groups contains '{group}', which is not a group name (no spaces or commas; list each group as its own entry).");
            }
        }
    }

    private static void CheckClaims(List<string> failures, string label, PolicyRule rule)
    {
        foreach (var (type, value) in rule.Claims ?? [])
        {
            if (string.IsNullOrWhiteSpace(type))
            {
                failures.Add($"{label}: Claims contains an entry with an empty claim type.");
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{label}: Claims['{type}'] is empty; give the value the claim must have, e.g. \"{type}\": \"true\".");
            }
        }
    }

    private static void CheckTools(List<string> failures, string label, PolicyRule rule, string[] tools, string[] toolSets)
    {
        if ((rule.Tools?.Length ?? 0) == 0)
        {
            failures.Add($"{label}: Tools is empty; list tool names, 'prefix_*' for every tool whose name starts with prefix_, 'toolset/*' for a tool set, or '*' for every tool.");
            return;
        }

        foreach (var entry in rule.Tools!)
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                failures.Add($"{label}: Tools contains an empty entry.");
            }
            else if (entry == CompiledRule.AllTools)
            {
                continue;
            }
            else if (ToolPatterns.WildcardProblem(entry) is { } problem)
            {
                failures.Add($"{label}: Tools contains '{entry}', but {problem}.");
            }
            else if (ToolPatterns.IsPrefix(entry))
            {
                // Allowed even when no tool matches yet: a prefix names a family (a portal upstream's namespace)
                // whose tools come and go with the upstream, and a rule for it must hold before they appear.
                continue;
            }
            else if (entry.StartsWith("resource:", StringComparison.Ordinal) || entry.StartsWith("prompt:", StringComparison.Ordinal) || entry is "resources/*" or "prompts/*")
            {
                continue; // resources and prompts are governed as these names (McpResourceDescriptor/McpPromptDescriptor.GovernedAs)
            }
            else if (entry.EndsWith(CompiledRule.ToolSetSuffix, StringComparison.Ordinal))
            {
                var toolSet = entry[..^CompiledRule.ToolSetSuffix.Length];
                if (!toolSets.Contains(toolSet, StringComparer.Ordinal))
                {
                    failures.Add($"{label}: Tools contains '{entry}', but '{toolSet}' is not a tool set of this server{Suggest(toolSet, toolSets, "tool set")}.");
                }
            }
            else if (!tools.Contains(entry, StringComparer.Ordinal))
            {
                failures.Add($"{label}: Tools contains '{entry}', which is not a tool of this server{Suggest(entry, tools, "tool")}.");
            }
        }
    }

    private static void CheckAccessAndScopes(List<string> failures, string label, PolicyRule rule, PolicyOptions options)
    {
        var granted = new HashSet<ToolAccess>();
        if ((rule.Access?.Length ?? 0) == 0)
        {
            failures.Add($"{label}: Access is empty; list the access classes the rule grants ({AccessClass.Names}).");
        }

        foreach (var value in rule.Access ?? [])
        {
            if (AccessClass.TryParse(value, out var access))
            {
                granted.Add(access);
            }
            else
            {
                failures.Add($"{label}: Access contains '{value}', which is not an access class (use {AccessClass.Names}).");
            }
        }

        var scopes = rule.Scopes ?? [];
        foreach (var scope in scopes)
        {
            if (!IsScope(scope))
            {
                failures.Add($"{label}: Scopes contains '{scope}', which is not a scope name (no spaces; list each scope as its own entry).");
            }
        }

        var writes = granted.Where(a => a != ToolAccess.Read).Order().ToArray();
        if (writes.Length > 0 && scopes.Length == 0)
        {
            var needed = string.Join(" and ", writes.Select(a => $"'{ScopeFor(a, options)}'"));
            failures.Add($"{label}: grants {string.Join(" and ", writes)} but Scopes is empty; the rule must require {needed}.");
            return;
        }

        foreach (var access in writes)
        {
            var needed = ScopeFor(access, options);
            if (IsScope(needed) && !scopes.Contains(needed, StringComparer.Ordinal))
            {
                var setting = access == ToolAccess.Write ? nameof(options.WriteScope) : nameof(options.DestructiveScope);
                failures.Add($"{label}: grants {access} but Scopes does not include '{needed}' ({Section}:{setting}).");
            }
        }
    }

    private static string ScopeFor(ToolAccess access, PolicyOptions options) =>
        access == ToolAccess.Destructive ? options.DestructiveScope : options.WriteScope;

    private static bool IsScope(string? scope) =>
        !string.IsNullOrWhiteSpace(scope) && !scope.Any(char.IsWhiteSpace);

    /// <summary>What the name may have meant: a different casing, or the known names when there are few.</summary>
    private static string Suggest(string name, string[] known, string kind)
    {
        var differentCase = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (differentCase is not null)
        {
            return $" (did you mean '{differentCase}'? {kind} names are case-sensitive)";
        }

        return known.Length switch
        {
            0 => $" (the server has no {kind}s)",
            <= MaxNamesListed => $" (known: {string.Join(", ", known)})",
            _ => $" (the server has {known.Length} {kind}s; see the governance manifest for their names)",
        };
    }
}
