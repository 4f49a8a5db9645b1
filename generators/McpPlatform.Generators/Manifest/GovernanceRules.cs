using System;
using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Model;

namespace McpPlatform.Generators.Manifest
{
    /// <summary>
    /// What the runtime enforces for one tool, worked out from configuration exactly as
    /// PolicyDecisionPoint / CompiledRule and DlpEngine / CompiledDlpRule do it at start-up.
    /// </summary>
    internal static class GovernanceRules
    {
        public const string DefaultReadRule = "default-read";
        private const string AllTools = "*";
        private const string ToolSetSuffix = "/*";

        /// <summary>The built-in DLP rules in evaluation order, with their argument action (results are redacted).</summary>
        private static readonly (string Name, string ArgumentAction)[] BuiltIns =
        {
            ("private-key", "block"),
            ("jwt", "block"),
            ("api-key", "block"),
            ("credit-card", "redact"),
            ("iban", "redact"),
            ("us-ssn", "redact"),
            ("email", "redact"),
        };

        /// <summary>Access class names as the manifest writes them; unspecified (0) counts as write.</summary>
        public static string AccessName(int access) => access switch
        {
            1 => "read",
            3 => "destructive",
            _ => "write",
        };

        /// <summary>Read: the read scope; Write: read and write; Destructive: destructive and read. Sorted.</summary>
        public static IReadOnlyList<string> RequiredScopes(string access, PolicyConfig policy)
        {
            var scopes = new List<string> { policy.ReadScope };
            if (access == "write")
            {
                scopes.Add(policy.WriteScope);
            }
            else if (access == "destructive")
            {
                scopes.Add(policy.DestructiveScope);
            }

            return scopes.Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList();
        }

        /// <summary>default-read (Read tools, when on) and every rule granting the tool's class on it; sorted, distinct.</summary>
        public static IReadOnlyList<string> GrantedBy(string toolName, string toolSet, string access, PolicyConfig policy)
        {
            var names = new List<string>();
            if (access == "read" && policy.DefaultRead)
            {
                names.Add(DefaultReadRule);
            }

            foreach (var rule in policy.Rules)
            {
                // CompiledRule: Access values trimmed and compared ignoring case; Tools matched as ToolPatterns does.
                var grants = rule.Access.Any(a => string.Equals(a.Trim(), access, StringComparison.OrdinalIgnoreCase));
                var covers = rule.Tools.Any(entry => Matches(entry, toolName, toolSet));
                if (grants && covers)
                {
                    names.Add(rule.Name);
                }
            }

            return names.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }

        /// <summary>The DLP rules that do something for the tool, in evaluation order, with lower-case actions.</summary>
        public static IReadOnlyList<DataRule> DataRules(string toolName, string toolSet, DlpConfig dlp) =>
            EffectiveDataRules(dlp)
                .Where(r => AppliesTo(r.Tools, toolName, toolSet) && !(r.Arguments == "allow" && r.Results == "allow"))
                .Select(r => new DataRule(r.Name, r.Arguments, r.Results))
                .ToList();

        /// <summary>
        /// Every DLP rule the runtime compiles (DlpEngine), in evaluation order: built-ins unless disabled (a configured
        /// rule with a built-in's name in its place), then the other configured rules. Empty when DLP is off.
        /// </summary>
        public static IReadOnlyList<EffectiveDataRule> EffectiveDataRules(DlpConfig dlp)
        {
            if (!dlp.Enabled)
            {
                return Array.Empty<EffectiveDataRule>();
            }

            var ordered = new List<EffectiveDataRule>();
            var configured = new Dictionary<string, DlpRuleConfig>(StringComparer.OrdinalIgnoreCase);
            foreach (var rule in dlp.Rules)
            {
                var key = rule.Name.Trim();
                if (!configured.ContainsKey(key))
                {
                    configured[key] = rule;
                }
            }

            if (!dlp.DisableBuiltIns)
            {
                foreach (var builtIn in BuiltIns)
                {
                    if (configured.TryGetValue(builtIn.Name, out var replacement))
                    {
                        configured.Remove(builtIn.Name);
                        ordered.Add(Configured(replacement));
                    }
                    else
                    {
                        ordered.Add(new EffectiveDataRule(builtIn.Name, builtIn.Name, null, builtIn.ArgumentAction, "redact", Array.Empty<string>()));
                    }
                }
            }

            foreach (var rule in dlp.Rules)
            {
                if (configured.TryGetValue(rule.Name.Trim(), out var same) && ReferenceEquals(same, rule))
                {
                    ordered.Add(Configured(rule));
                }
            }

            return ordered;
        }

        /// <summary>DlpActions.TryParse: blank is redact; otherwise block, redact or allow ignoring case.</summary>
        public static string? ParseDlpAction(string? value)
        {
            if (value is null || value.Trim().Length == 0)
            {
                return "redact";
            }

            var trimmed = value.Trim().ToLowerInvariant();
            return trimmed is "block" or "redact" or "allow" ? trimmed : null;
        }

        private static EffectiveDataRule Configured(DlpRuleConfig rule)
        {
            // BuiltInDetector.Find: a known detector name ignoring case; otherwise the rule is a pattern.
            var detector = BuiltIns.Select(b => b.Name).FirstOrDefault(n => string.Equals(n, rule.Detector?.Trim(), StringComparison.OrdinalIgnoreCase));
            return new EffectiveDataRule(
                rule.Name.Trim(),
                detector,
                detector is null ? rule.Pattern : null,
                ParseDlpAction(rule.Action) ?? "redact",
                ParseDlpAction(rule.ResultAction) is "allow" ? "allow" : "redact",
                rule.Tools.Select(t => t.Trim()).ToList());
        }

        /// <summary>CompiledDlpRule.AppliesTo: empty is every tool, else any entry that matches (<see cref="Matches"/>).</summary>
        private static bool AppliesTo(IReadOnlyList<string> tools, string toolName, string toolSet) =>
            tools.Count == 0 || tools.Any(entry => Matches(entry, toolName, toolSet));

        /// <summary>
        /// The governance core's ToolPatterns.Matches (this analyzer cannot reference it): '*' is every tool,
        /// 'toolset/*' a tool set, 'prefix_*' (one trailing wildcard) every tool whose name starts with the prefix,
        /// anything else one exact name. A '*' elsewhere matches nothing (the runtime refuses such a rule at start-up).
        /// </summary>
        internal static bool Matches(string entry, string toolName, string toolSet)
        {
            if (entry == AllTools)
            {
                return true;
            }

            if (entry.Length > ToolSetSuffix.Length && entry.EndsWith(ToolSetSuffix, StringComparison.Ordinal))
            {
                return string.Equals(entry.Substring(0, entry.Length - ToolSetSuffix.Length), toolSet, StringComparison.Ordinal);
            }

            var wildcard = entry.IndexOf('*');
            if (wildcard < 0)
            {
                return string.Equals(entry, toolName, StringComparison.Ordinal);
            }

            return wildcard == entry.Length - 1 && toolName.StartsWith(entry.Substring(0, wildcard), StringComparison.Ordinal);
        }
    }

    /// <summary>A DLP rule as the runtime compiles it: what it looks for (a detector or a pattern), its actions and tools.</summary>
    internal sealed record EffectiveDataRule(string Name, string? Detector, string? Pattern, string Arguments, string Results, IReadOnlyList<string> Tools);

    /// <summary>A DLP rule as the manifest lists it for a tool.</summary>
    internal sealed record DataRule(string Name, string Arguments, string Results);
}
