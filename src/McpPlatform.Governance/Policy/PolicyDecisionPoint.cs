using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Policy;

/// <summary>
/// Decides whether a caller may call a tool: asked on every tool call (direct or from Code Mode)
/// and for every tools/list, so each caller sees only what it may call.
/// </summary>
/// <remarks>
/// <para>Every call needs the read scope. Then, in order:</para>
/// <list type="number">
/// <item>A Read tool is allowed by <c>default-read</c> when <see cref="PolicyOptions.DefaultRead"/>
/// is on and no exclusive rule (profile) matches the caller's groups and claims.</item>
/// <item>Otherwise the first rule, in configuration order, that matches the caller's groups and
/// claims, whose scopes the token carries, and that grants the tool's access class on the tool,
/// allows it. Grants are explicit per class: Write or Destructive does not imply Read.</item>
/// <item>If a rule would grant it but the token lacks some of its scopes, the call is denied with
/// those scopes in <see cref="PolicyDecision.MissingScopes"/> (first such rule in order).</item>
/// <item>Otherwise a caller with a profile is denied by <c>profile:&lt;rule&gt;</c>, and anyone
/// else by the default denial of the tool's class.</item>
/// </list>
/// <para>Profile membership depends on groups and claims only, never on scopes, so a token with
/// fewer scopes cannot escape its profile into default read access.</para>
/// </remarks>
public sealed class PolicyDecisionPoint
{
    private const int MaxRulesListedInReasons = 3;
    private const int MaxRulesOnStack = 256;

    private readonly string _readScope;
    private readonly bool _defaultRead;
    private readonly CompiledRule[] _rules;
    private readonly CompiledRule[] _scopedRules;
    private readonly int[] _exclusive;
    private readonly ToolEntry[] _tools;
    private readonly Dictionary<string, ToolEntry> _toolsByName;

    /// <summary>Compiles the policy for the tools of <paramref name="catalog"/>.</summary>
    /// <exception cref="ArgumentException">The policy is invalid; the message lists every failure.</exception>
    public PolicyDecisionPoint(PolicyOptions options, ToolDescriptorSet catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        var failures = PolicyValidator.Validate(options, catalog);
        if (failures.Count > 0)
        {
            throw new ArgumentException("The tool policy is invalid: " + string.Join(" ", failures), nameof(options));
        }

        _readScope = options.ReadScope;
        _defaultRead = options.DefaultRead;
        _rules = [.. options.Rules.Select(r => new CompiledRule(r))];
        _scopedRules = [.. _rules.Where(r => r.Scopes.Length > 0)];
        _exclusive = [.. Enumerable.Range(0, _rules.Length).Where(i => _rules[i].Exclusive)];
        _tools = [.. catalog.Select(Compile)];
        _toolsByName = _tools.ToDictionary(t => t.Descriptor.Name, StringComparer.Ordinal);
    }

    /// <summary>Decides whether <paramref name="caller"/> may call <paramref name="tool"/>, and why.</summary>
    public PolicyDecision Decide(CallerIdentity caller, McpToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(tool);
        var entry = EntryFor(tool);
        var matches = new CallerMatches(caller, _rules, _rules.Length <= MaxRulesOnStack ? stackalloc byte[_rules.Length] : new byte[_rules.Length]);
        var decision = Evaluate(entry, ref matches);
        return caller.HasScope(_readScope) ? decision : DenyWithoutReadScope(entry, decision);
    }

    /// <summary>
    /// False when no decision for <paramref name="caller"/>, on any tool, can name scopes to re-authorize with
    /// (<see cref="PolicyDecision.RequiredScopes"/>): the token has the read scope, and every rule that matches the
    /// caller's groups and claims finds all its scopes on the token. Those are the only two ways a decision asks for
    /// scopes (<see cref="DenyWithoutReadScope"/> and a candidate rule whose scopes are missing), so a false answer
    /// lets the MCP host skip reading a request body to look for a step-up it could never answer.
    /// </summary>
    public bool CouldRequireStepUp(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasScope(_readScope))
        {
            return true;
        }

        foreach (var rule in _scopedRules)
        {
            if (!rule.HasScopes(caller) && rule.MatchesIdentity(caller))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="caller"/> may call <paramref name="tool"/>.</summary>
    public bool CanCall(CallerIdentity caller, McpToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(tool);
        if (!caller.HasScope(_readScope))
        {
            return false;
        }

        var matches = new CallerMatches(caller, _rules, _rules.Length <= MaxRulesOnStack ? stackalloc byte[_rules.Length] : new byte[_rules.Length]);
        return Evaluate(EntryFor(tool), ref matches).Allowed;
    }

    /// <summary>The catalog's tools <paramref name="caller"/> may call, sorted by name: what tools/list shows it.</summary>
    public IReadOnlyList<McpToolDescriptor> VisibleTools(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasScope(_readScope))
        {
            return [];
        }

        var matches = new CallerMatches(caller, _rules, _rules.Length <= MaxRulesOnStack ? stackalloc byte[_rules.Length] : new byte[_rules.Length]);
        var visible = new List<McpToolDescriptor>(_tools.Length);
        foreach (var entry in _tools)
        {
            if (Evaluate(entry, ref matches).Allowed)
            {
                visible.Add(entry.Descriptor);
            }
        }

        return visible;
    }

    private PolicyDecision Evaluate(ToolEntry entry, ref CallerMatches matches)
    {
        var profile = -1;
        if (entry.DefaultReadAllowed is not null)
        {
            profile = FindProfile(ref matches);
            if (profile < 0)
            {
                return entry.DefaultReadAllowed;
            }
        }

        var blocked = -1;
        for (var i = 0; i < entry.Candidates.Length; i++)
        {
            switch (matches.Get(entry.Candidates[i]))
            {
                case RuleMatch.Full:
                    return entry.AllowedBy[i];
                case RuleMatch.ScopesMissing when blocked < 0:
                    blocked = i;
                    break;
            }
        }

        if (blocked >= 0)
        {
            var rule = _rules[entry.Candidates[blocked]];
            var missing = rule.MissingScopes(matches.Caller);
            return Deny(entry, PolicyDecisionIds.InsufficientScope,
                $"rule '{rule.Name}' grants it, but the token lacks {ScopeList(missing)}. Request a token with {ScopeList(missing)}.",
                missing) with { RequiredScopes = [_readScope, .. rule.Scopes.Where(s => s != _readScope)] };
        }

        if (entry.DefaultReadAllowed is null)
        {
            profile = FindProfile(ref matches);
        }

        return profile >= 0 ? entry.DeniedByProfile[Array.IndexOf(_exclusive, profile)] : entry.DefaultDenied;
    }

    private int FindProfile(ref CallerMatches matches)
    {
        foreach (var index in _exclusive)
        {
            if (matches.Get(index) != RuleMatch.Mismatch)
            {
                return index;
            }
        }

        return -1;
    }

    private PolicyDecision DenyWithoutReadScope(ToolEntry entry, PolicyDecision withReadScope)
    {
        // Step-up helps only when the read scope (plus any a granting rule needs) would allow the call.
        string[] missing = withReadScope.Allowed ? [_readScope]
            : withReadScope.Rule == PolicyDecisionIds.InsufficientScope ? [_readScope, .. withReadScope.MissingScopes.Where(s => s != _readScope)]
            : [];
        string[] required = withReadScope.Rule == PolicyDecisionIds.InsufficientScope ? [_readScope, .. withReadScope.RequiredScopes.Where(s => s != _readScope)] : missing;
        return Deny(entry, PolicyDecisionIds.MissingReadScope,
            $"the token lacks scope '{_readScope}', which every tool call needs.", missing) with { RequiredScopes = required };
    }

    private ToolEntry EntryFor(McpToolDescriptor tool) =>
        _toolsByName.TryGetValue(tool.Name, out var entry)
        && (ReferenceEquals(entry.Descriptor, tool) || (entry.Descriptor.Access == tool.Access && entry.Descriptor.ToolSet == tool.ToolSet))
            ? entry
            : Compile(tool); // not in the catalog this policy was compiled for: decide it all the same

    private ToolEntry Compile(McpToolDescriptor tool)
    {
        var access = AccessClass.Effective(tool.Access);
        var candidates = Enumerable.Range(0, _rules.Length).Where(i => _rules[i].Covers(tool, access)).ToArray();
        var entry = new ToolEntry(tool, access, candidates);
        entry.AllowedBy = [.. candidates.Select(i => new PolicyDecision(
            true, tool.Name, access, _rules[i].Name, $"Tool '{tool.Name}' ({access}) is allowed by rule '{_rules[i].Name}'.", []))];
        if (access == ToolAccess.Read && _defaultRead)
        {
            entry.DefaultReadAllowed = new PolicyDecision(true, tool.Name, access, PolicyDecisionIds.DefaultRead,
                $"Tool '{tool.Name}' (Read) is allowed: Read tools are open to every caller with scope '{_readScope}' (default-read).", []);
        }

        var grantedBy = GrantedBy(candidates, access);
        entry.DefaultDenied = access switch
        {
            ToolAccess.Read => Deny(entry, PolicyDecisionIds.DefaultDenyReads,
                $"default read access is off (McpPlatform:Policy:DefaultRead) and no rule grants Read on it to this caller. {grantedBy}", []),
            ToolAccess.Destructive => Deny(entry, PolicyDecisionIds.DefaultDenyDestructive,
                $"destructive calls are denied unless a rule grants them, and no rule grants Destructive on it to this caller. {grantedBy}", []),
            _ => Deny(entry, PolicyDecisionIds.DefaultDenyWrites,
                $"writes are denied unless a rule grants them, and no rule grants Write on it to this caller. {grantedBy}", []),
        };
        entry.DeniedByProfile = [.. _exclusive.Select(i => Deny(entry, PolicyDecisionIds.ProfilePrefix + _rules[i].Name,
            $"profile '{_rules[i].Name}' applies to this caller, who gets only what matching rules grant, and none grants {access} on it. {grantedBy}", []))];
        return entry;
    }

    private string GrantedBy(int[] candidates, ToolAccess access)
    {
        if (candidates.Length == 0)
        {
            return $"No rule grants {access} on it; a grant is added in McpPlatform:Policy:Rules.";
        }

        var listed = string.Join(", ", candidates.Take(MaxRulesListedInReasons).Select(i => _rules[i].Requirements));
        var more = candidates.Length > MaxRulesListedInReasons ? $" and {candidates.Length - MaxRulesListedInReasons} more" : "";
        return $"Granted by: {listed}{more}.";
    }

    private static PolicyDecision Deny(ToolEntry entry, string rule, string why, IReadOnlyList<string> missingScopes) =>
        new(false, entry.Descriptor.Name, entry.Access, rule, $"Tool '{entry.Descriptor.Name}' ({entry.Access}) is denied: {why}", missingScopes);

    private static string ScopeList(IReadOnlyList<string> scopes) =>
        (scopes.Count == 1 ? "scope " : "scopes ") + string.Join(", ", scopes.Select(s => $"'{s}'"));

    /// <summary>A tool with the rules that grant its access class, and its caller-independent decisions.</summary>
    private sealed class ToolEntry(McpToolDescriptor descriptor, ToolAccess access, int[] candidates)
    {
        public McpToolDescriptor Descriptor { get; } = descriptor;

        public ToolAccess Access { get; } = access;

        /// <summary>Indexes of the rules granting <see cref="Access"/> on the tool, in configuration order.</summary>
        public int[] Candidates { get; } = candidates;

        /// <summary>The allowing decision of each candidate.</summary>
        public PolicyDecision[] AllowedBy { get; set; } = [];

        /// <summary>Set for a Read tool when default read access is on.</summary>
        public PolicyDecision? DefaultReadAllowed { get; set; }

        public PolicyDecision DefaultDenied { get; set; } = null!;

        /// <summary>The denial by each exclusive rule, aligned with the exclusive rule indexes.</summary>
        public PolicyDecision[] DeniedByProfile { get; set; } = [];
    }

    private enum RuleMatch : byte
    {
        Unknown,
        Mismatch,
        ScopesMissing,
        Full,
    }

    /// <summary>How one caller matches each rule, worked out once per rule and call.</summary>
    private ref struct CallerMatches(CallerIdentity caller, CompiledRule[] rules, Span<byte> memo)
    {
        private readonly Span<byte> _memo = memo;

        public CallerIdentity Caller { get; } = caller;

        public readonly RuleMatch Get(int rule)
        {
            var known = (RuleMatch)_memo[rule];
            if (known != RuleMatch.Unknown)
            {
                return known;
            }

            var match = !rules[rule].MatchesIdentity(Caller) ? RuleMatch.Mismatch
                : rules[rule].HasScopes(Caller) ? RuleMatch.Full
                : RuleMatch.ScopesMissing;
            _memo[rule] = (byte)match;
            return match;
        }
    }
}
