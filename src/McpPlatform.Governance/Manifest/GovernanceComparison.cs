using System.Globalization;

namespace McpPlatform.Governance.Manifest;

/// <summary>How a governance setting moved relative to the approved manifest.</summary>
internal enum GovernanceDirection
{
    /// <summary>Callers can do more, or more goes unchecked or unrecorded.</summary>
    Weaker,

    /// <summary>Callers can do less, or more is checked.</summary>
    Stronger,

    /// <summary>Different, but neither more nor less permissive (e.g. which surface Code Mode clients see by default).</summary>
    Changed,
}

/// <summary>
/// One governance setting that differs from the approved manifest. <see cref="Setting"/> is the configuration key
/// (rules named in brackets, e.g. <c>McpPlatform:Policy:Rules[ops]:Tools</c>), values as the manifest writes them.
/// </summary>
internal sealed record GovernanceDifference(string Setting, string Approved, string Effective, GovernanceDirection Direction, string Why);

/// <summary>
/// Compares two governance sections setting by setting and says, for each difference, whether it weakens what was
/// approved: a policy rule that covers more tools, grants more access classes, admits more groups or requires fewer
/// scopes or claims; a rule added that grants something; DLP off or a data rule removed or downgraded
/// (block → redact → allow); rate limits off or raised; Code Mode limits raised; audit or fail-closed reads off; and each
/// of the <see cref="PinnedSettings"/> by its kind.
/// </summary>
internal static class GovernanceComparison
{
    private const string Root = McpPlatformOptions.SectionName;

    public static IReadOnlyList<GovernanceDifference> Compare(ManifestGovernance approved, ManifestGovernance effective)
    {
        var differences = new List<GovernanceDifference>();
        ComparePolicy(approved.Policy, effective.Policy, differences);
        CompareDlp(approved.Dlp, effective.Dlp, differences);
        CompareRateLimits(approved.RateLimits, effective.RateLimits, differences);
        CompareCodeMode(approved.CodeMode, effective.CodeMode, differences);
        Flag(differences, Root + ":Audit:Enabled", approved.Audit.Enabled, effective.Audit.Enabled, "calls are no longer audited");
        Flag(differences, Root + ":Audit:FailClosedReads", approved.Audit.FailClosedReads, effective.Audit.FailClosedReads,
            "read calls run even when their audit record cannot be written");
        PinnedSettingComparison.Compare(approved.Pinned, effective.Pinned, differences);
        return differences;
    }

    private static void ComparePolicy(GovernancePolicy approved, GovernancePolicy effective, List<GovernanceDifference> differences)
    {
        const string Policy = Root + ":Policy";
        foreach (var (name, approvedScope, effectiveScope) in new[]
        {
            ("ReadScope", approved.ReadScope, effective.ReadScope),
            ("WriteScope", approved.WriteScope, effective.WriteScope),
            ("DestructiveScope", approved.DestructiveScope, effective.DestructiveScope),
        })
        {
            if (approvedScope != effectiveScope)
            {
                differences.Add(new($"{Policy}:{name}", approvedScope, effectiveScope, GovernanceDirection.Weaker,
                    "a different scope may be one that more tokens carry"));
            }
        }

        Flag(differences, Policy + ":DefaultRead", !approved.DefaultRead, !effective.DefaultRead,
            "every caller with the read scope may call every read tool", approvedValue: approved.DefaultRead, effectiveValue: effective.DefaultRead);

        var before = ByName(approved.Rules, r => r.Name, StringComparer.Ordinal);
        var after = ByName(effective.Rules, r => r.Name, StringComparer.Ordinal);
        foreach (var rule in effective.Rules.Where(r => !before.ContainsKey(r.Name)))
        {
            var grants = rule.Tools.Count > 0 && rule.Access.Count > 0;
            differences.Add(new($"{Policy}:Rules[{rule.Name}]", "(no such rule)", Describe(rule),
                grants ? GovernanceDirection.Weaker : GovernanceDirection.Changed,
                grants ? "a rule that was not approved grants access" : "a rule that grants nothing was added"));
        }

        foreach (var rule in approved.Rules.Where(r => !after.ContainsKey(r.Name)))
        {
            // An exclusive rule restricts the callers it matches to its own grants; removing it gives them default read again.
            differences.Add(new($"{Policy}:Rules[{rule.Name}]", Describe(rule), "(removed)",
                rule.Exclusive ? GovernanceDirection.Weaker : GovernanceDirection.Stronger,
                rule.Exclusive ? "an exclusive profile no longer restricts the callers it matched" : "a rule no longer grants access"));
        }

        foreach (var rule in effective.Rules.Where(r => before.ContainsKey(r.Name)))
        {
            CompareRule(before[rule.Name], rule, $"{Policy}:Rules[{rule.Name}]", differences);
        }
    }

    private static void CompareRule(GovernancePolicyRule approved, GovernancePolicyRule effective, string setting, List<GovernanceDifference> differences)
    {
        Sets(differences, setting + ":Tools", approved.Tools, effective.Tools, widensWhenAdded: true, "the rule covers more tools");
        Sets(differences, setting + ":Access", approved.Access, effective.Access, widensWhenAdded: true, "the rule grants more access classes");
        Sets(differences, setting + ":Scopes", approved.Scopes, effective.Scopes, widensWhenAdded: false, "the rule requires fewer scopes");

        // Groups: any one of them admits a caller, and an empty list admits every caller.
        if (!approved.Groups.SequenceEqual(effective.Groups, StringComparer.Ordinal))
        {
            var widened = (effective.Groups.Count == 0 && approved.Groups.Count > 0) || (approved.Groups.Count > 0 && effective.Groups.Except(approved.Groups, StringComparer.Ordinal).Any());
            differences.Add(new(setting + ":Groups", List(approved.Groups), List(effective.Groups),
                widened ? GovernanceDirection.Weaker : GovernanceDirection.Stronger,
                widened ? (effective.Groups.Count == 0 ? "the rule admits every caller" : "the rule admits more groups") : "the rule admits fewer groups"));
        }

        // Claims: all are required, so a claim dropped or changed admits callers the approved rule refused.
        if (!approved.Claims.OrderBy(c => c.Key, StringComparer.Ordinal).SequenceEqual(effective.Claims.OrderBy(c => c.Key, StringComparer.Ordinal)))
        {
            var widened = approved.Claims.Any(c => !effective.Claims.TryGetValue(c.Key, out var value) || value != c.Value);
            differences.Add(new(setting + ":Claims", Claims(approved.Claims), Claims(effective.Claims),
                widened ? GovernanceDirection.Weaker : GovernanceDirection.Stronger,
                widened ? "the rule requires fewer or different claims" : "the rule requires more claims"));
        }

        Flag(differences, setting + ":Exclusive", approved.Exclusive, effective.Exclusive, "the profile no longer restricts the callers it matches");
    }

    private static void CompareDlp(GovernanceDlp approved, GovernanceDlp effective, List<GovernanceDifference> differences)
    {
        const string Dlp = Root + ":Dlp";
        if (approved.Enabled != effective.Enabled)
        {
            Flag(differences, Dlp + ":Enabled", approved.Enabled, effective.Enabled, "no argument or result is inspected for sensitive data");
            return;
        }

        var after = ByName(effective.Rules, r => r.Name, StringComparer.OrdinalIgnoreCase);
        var before = ByName(approved.Rules, r => r.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var rule in approved.Rules.Where(r => !after.ContainsKey(r.Name)))
        {
            differences.Add(new($"{Dlp}:Rules[{rule.Name}]", Describe(rule), "(removed)", GovernanceDirection.Weaker, "the data rule no longer runs"));
        }

        foreach (var rule in effective.Rules.Where(r => !before.ContainsKey(r.Name)))
        {
            differences.Add(new($"{Dlp}:Rules[{rule.Name}]", "(no such rule)", Describe(rule), GovernanceDirection.Stronger, "a data rule was added"));
        }

        foreach (var rule in effective.Rules.Where(r => before.ContainsKey(r.Name)))
        {
            var old = before[rule.Name];
            var setting = $"{Dlp}:Rules[{rule.Name}]";
            Action(differences, setting + ":Action", old.Arguments, rule.Arguments, "arguments");
            Action(differences, setting + ":ResultAction", old.Results, rule.Results, "results");
            if (old.Detector != rule.Detector || old.Pattern != rule.Pattern)
            {
                differences.Add(new(setting + (rule.Detector is null ? ":Pattern" : ":Detector"), What(old), What(rule), GovernanceDirection.Weaker,
                    "the rule looks for something else; it may no longer find what it was approved to find"));
            }

            // Empty covers every tool; otherwise more patterns cover more tools.
            if (!old.Tools.SequenceEqual(rule.Tools, StringComparer.Ordinal))
            {
                var narrowed = (rule.Tools.Count > 0 && old.Tools.Count == 0) || (rule.Tools.Count > 0 && old.Tools.Except(rule.Tools, StringComparer.Ordinal).Any());
                differences.Add(new(setting + ":Tools", ToolList(old.Tools), ToolList(rule.Tools),
                    narrowed ? GovernanceDirection.Weaker : GovernanceDirection.Stronger,
                    narrowed ? "the rule covers fewer tools" : "the rule covers more tools"));
            }
        }
    }

    private static void CompareRateLimits(GovernanceRateLimits approved, GovernanceRateLimits effective, List<GovernanceDifference> differences)
    {
        const string Limits = Root + ":RateLimits";
        if (approved.Enabled != effective.Enabled)
        {
            Flag(differences, Limits + ":Enabled", approved.Enabled, effective.Enabled, "callers are not rate limited");
            return;
        }

        foreach (var (name, before, after) in new[] { ("PerCaller", approved.PerCaller, effective.PerCaller), ("PerTool", approved.PerTool, effective.PerTool) })
        {
            Limit(differences, $"{Limits}:{name}:TokenLimit", before.TokenLimit, after.TokenLimit);
            Limit(differences, $"{Limits}:{name}:TokensPerPeriod", before.TokensPerPeriod, after.TokensPerPeriod);

            // A shorter period refills the bucket more often.
            Limit(differences, $"{Limits}:{name}:ReplenishmentPeriod", after.ReplenishmentPeriod, before.ReplenishmentPeriod,
                EffectiveGovernance.Duration(before.ReplenishmentPeriod), EffectiveGovernance.Duration(after.ReplenishmentPeriod));
        }

        Limit(differences, Limits + ":ConcurrentCallsPerCaller", approved.ConcurrentCallsPerCaller, effective.ConcurrentCallsPerCaller);
    }

    private static void CompareCodeMode(GovernanceCodeMode approved, GovernanceCodeMode effective, List<GovernanceDifference> differences)
    {
        const string CodeMode = Root + ":CodeMode";
        if (approved.Enabled != effective.Enabled)
        {
            differences.Add(new(CodeMode + ":Enabled", Text(approved.Enabled), Text(effective.Enabled),
                effective.Enabled ? GovernanceDirection.Weaker : GovernanceDirection.Stronger,
                effective.Enabled ? "tools become callable from model-written JavaScript" : "Code Mode is off"));
        }

        if (approved.Default != effective.Default)
        {
            differences.Add(new(CodeMode + ":Default", approved.Default, effective.Default, GovernanceDirection.Changed, "clients see another surface by default"));
        }

        Limit(differences, CodeMode + ":Timeout", approved.Timeout, effective.Timeout, EffectiveGovernance.Duration(approved.Timeout), EffectiveGovernance.Duration(effective.Timeout));
        Limit(differences, CodeMode + ":MaxStatements", approved.MaxStatements, effective.MaxStatements);
        Limit(differences, CodeMode + ":MemoryLimitBytes", approved.MemoryLimitBytes, effective.MemoryLimitBytes);
        Limit(differences, CodeMode + ":MaxRecursionDepth", approved.MaxRecursionDepth, effective.MaxRecursionDepth);
        Limit(differences, CodeMode + ":RegexTimeout", approved.RegexTimeout, effective.RegexTimeout,
            EffectiveGovernance.Duration(approved.RegexTimeout), EffectiveGovernance.Duration(effective.RegexTimeout));
        Limit(differences, CodeMode + ":MaxArrayLength", approved.MaxArrayLength, effective.MaxArrayLength);
        Limit(differences, CodeMode + ":MaxInnerCalls", approved.MaxInnerCalls, effective.MaxInnerCalls);
        Limit(differences, CodeMode + ":MaxResultBytes", approved.MaxResultBytes, effective.MaxResultBytes);
        Limit(differences, CodeMode + ":MaxLogBytes", approved.MaxLogBytes, effective.MaxLogBytes);
        Limit(differences, CodeMode + ":MaxConcurrentExecutionsPerCaller", approved.MaxConcurrentExecutionsPerCaller, effective.MaxConcurrentExecutionsPerCaller);
    }

    /// <summary>A switch that protects when on: turning it off is weaker. The shown values default to the switch itself.</summary>
    private static void Flag(List<GovernanceDifference> differences, string setting, bool approved, bool effective, string whenOff, bool? approvedValue = null, bool? effectiveValue = null)
    {
        if (approved != effective)
        {
            differences.Add(new(setting, Text(approvedValue ?? approved), Text(effectiveValue ?? effective),
                effective ? GovernanceDirection.Stronger : GovernanceDirection.Weaker, effective ? "stricter than approved" : whenOff));
        }
    }

    /// <summary>A limit: higher is weaker.</summary>
    private static void Limit<T>(List<GovernanceDifference> differences, string setting, T approved, T effective, string? approvedText = null, string? effectiveText = null)
        where T : IComparable<T>
    {
        var order = effective.CompareTo(approved);
        if (order != 0)
        {
            differences.Add(new(setting, approvedText ?? Invariant(approved), effectiveText ?? Invariant(effective),
                order > 0 ? GovernanceDirection.Weaker : GovernanceDirection.Stronger, order > 0 ? "the limit was raised" : "the limit was lowered"));
        }
    }

    private static void Action(List<GovernanceDifference> differences, string setting, ManifestDataAction approved, ManifestDataAction effective, string what)
    {
        if (approved != effective)
        {
            var weaker = effective < approved;
            differences.Add(new(setting, ManifestNames.DataAction(approved), ManifestNames.DataAction(effective),
                weaker ? GovernanceDirection.Weaker : GovernanceDirection.Stronger, weaker ? $"matches in {what} are handled more leniently" : $"matches in {what} are handled more strictly"));
        }
    }

    /// <summary>A set where added items widen (tools, access) or where removed items widen (required scopes).</summary>
    private static void Sets(List<GovernanceDifference> differences, string setting, IReadOnlyList<string> approved, IReadOnlyList<string> effective, bool widensWhenAdded, string whenWider)
    {
        if (approved.SequenceEqual(effective, StringComparer.Ordinal))
        {
            return;
        }

        var added = effective.Except(approved, StringComparer.Ordinal).Any();
        var removed = approved.Except(effective, StringComparer.Ordinal).Any();
        var weaker = widensWhenAdded ? added : removed;
        differences.Add(new(setting, List(approved), List(effective), weaker ? GovernanceDirection.Weaker : GovernanceDirection.Stronger,
            weaker ? whenWider : "narrower than approved"));
    }

    // The first rule of a name wins, as the validators refuse duplicates anyway.
    private static Dictionary<string, T> ByName<T>(IEnumerable<T> rules, Func<T, string> name, StringComparer comparer) =>
        rules.GroupBy(name, comparer).ToDictionary(g => g.Key, g => g.First(), comparer);

    private static string Describe(GovernancePolicyRule rule) =>
        $"grants {List(rule.Access)} on {List(rule.Tools)} to groups {(rule.Groups.Count == 0 ? "(any caller)" : List(rule.Groups))}"
        + $" with scopes {List(rule.Scopes)}{(rule.Claims.Count == 0 ? string.Empty : " and claims " + Claims(rule.Claims))}{(rule.Exclusive ? ", exclusive" : string.Empty)}";

    private static string Describe(GovernanceDataRule rule) =>
        $"{What(rule)}, arguments {ManifestNames.DataAction(rule.Arguments)}, results {ManifestNames.DataAction(rule.Results)}, tools {ToolList(rule.Tools)}";

    private static string What(GovernanceDataRule rule) => rule.Detector is not null ? $"detector {rule.Detector}" : $"pattern {DisplayText.Quote(rule.Pattern ?? string.Empty)}";

    private static string ToolList(IReadOnlyList<string> tools) => tools.Count == 0 ? "(every tool)" : List(tools);

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";

    private static string Claims(IReadOnlyDictionary<string, string> claims) =>
        "{" + string.Join(", ", claims.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")) + "}";

    private static string Text(bool value) => value ? "true" : "false";

    private static string Invariant<T>(T value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
