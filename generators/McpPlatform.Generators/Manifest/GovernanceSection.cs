using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using McpPlatform.Generators.Json;
using McpPlatform.Generators.Model;

namespace McpPlatform.Generators.Manifest
{
    /// <summary>
    /// The manifest's <c>governance</c> member: the policy, data rules, rate limits, Code Mode limits and audit
    /// switches the server enforces with the build's appsettings.json. The runtime writes the same shape from its
    /// bound options (McpPlatform.Governance.Manifest.EffectiveGovernance) and refuses to start when what it enforces
    /// is weaker than what was approved, so both sides normalise identically: sets sorted and distinct, access
    /// names lower case, time spans in TimeSpan's "c" format.
    /// </summary>
    internal static class GovernanceSection
    {
        public static JsonValue Build(GovernanceConfig config, ICollection<JsonValue> expanded)
        {
            var policyRules = JsonValue.Array(config.Policy.Rules.Select(PolicyRule));
            var policy = JsonValue.Object()
                .Add("readScope", JsonValue.String(config.Policy.ReadScope))
                .Add("writeScope", JsonValue.String(config.Policy.WriteScope))
                .Add("destructiveScope", JsonValue.String(config.Policy.DestructiveScope))
                .Add("defaultRead", JsonValue.Bool(config.Policy.DefaultRead))
                .Add("rules", policyRules);

            var dataRules = JsonValue.Array(GovernanceRules.EffectiveDataRules(config.Dlp).Select(DataRule));
            var dlp = JsonValue.Object()
                .Add("enabled", JsonValue.Bool(config.Dlp.Enabled))
                .Add("rules", dataRules);

            var limits = config.RateLimits;
            var rateLimits = JsonValue.Object()
                .Add("enabled", JsonValue.Bool(limits.Enabled))
                .Add("perCaller", Bucket(limits.PerCaller))
                .Add("perTool", Bucket(limits.PerTool))
                .Add("concurrentCallsPerCaller", Number(limits.ConcurrentCallsPerCaller));

            var c = config.CodeModeLimits;
            var codeMode = JsonValue.Object()
                .Add("enabled", JsonValue.Bool(config.CodeMode.Enabled))
                .Add("default", JsonValue.String(config.CodeMode.Default))
                .Add("timeout", JsonValue.String(c.Timeout))
                .Add("maxStatements", Number(c.MaxStatements))
                .Add("memoryLimitBytes", Number(c.MemoryLimitBytes))
                .Add("maxRecursionDepth", Number(c.MaxRecursionDepth))
                .Add("regexTimeout", JsonValue.String(c.RegexTimeout))
                .Add("maxArrayLength", Number(c.MaxArrayLength))
                .Add("maxInnerCalls", Number(c.MaxInnerCalls))
                .Add("maxResultBytes", Number(c.MaxResultBytes))
                .Add("maxLogBytes", Number(c.MaxLogBytes))
                .Add("maxConcurrentExecutionsPerCaller", Number(c.MaxConcurrentExecutionsPerCaller));

            var audit = JsonValue.Object()
                .Add("enabled", JsonValue.Bool(config.Audit.Enabled))
                .Add("failClosedReads", JsonValue.Bool(config.Audit.FailClosedReads));

            var governance = JsonValue.Object()
                .Add("policy", policy)
                .Add("dlp", dlp)
                .Add("rateLimits", rateLimits)
                .Add("codeMode", codeMode)
                .Add("audit", audit);

            // One setting group per line (rules one per line), so a reviewer's diff points at the setting that changed.
            foreach (var value in new[] { governance, policy, policyRules, dlp, dataRules, rateLimits, codeMode, audit })
            {
                expanded.Add(value);
            }

            foreach (var pinned in config.Pinned)
            {
                if (Place(governance, pinned.Path, Pinned(pinned)) is { } group)
                {
                    expanded.Add(group);
                }
            }

            return governance;
        }

        private static JsonValue Pinned(PinnedSettingValue value)
        {
            switch (value.Kind)
            {
                case PinnedKind.Int:
                case PinnedKind.Long:
                case PinnedKind.Bool:
                    return JsonValue.Literal(value.Text);
                case PinnedKind.Set:
                    return JsonValue.Strings(value.Items);
                default:
                    return JsonValue.String(value.Text);
            }
        }

        /// <summary>
        /// Puts <paramref name="value"/> at a dot-separated path, creating the objects on the way (as the runtime does);
        /// returns a group it created directly under <paramref name="governance"/>, to be written one setting per line.
        /// </summary>
        private static JsonValue? Place(JsonValue governance, string path, JsonValue value)
        {
            var names = path.Split('.');
            var parent = governance;
            JsonValue? createdGroup = null;
            for (var i = 0; i < names.Length - 1; i++)
            {
                var child = parent.Get(names[i]);
                if (child is null || child.Kind != JsonKind.Object)
                {
                    child = JsonValue.Object();
                    parent.Add(names[i], child);
                    if (i == 0)
                    {
                        createdGroup = child;
                    }
                }

                parent = child;
            }

            parent.Add(names[names.Length - 1], value);
            return createdGroup;
        }

        private static JsonValue PolicyRule(PolicyRuleConfig rule)
        {
            var claims = JsonValue.Object();
            foreach (var claim in rule.Claims.OrderBy(c => c.Type, StringComparer.Ordinal))
            {
                claims.Add(claim.Type, JsonValue.String(claim.Value));
            }

            return JsonValue.Object()
                .Add("name", JsonValue.String(rule.Name))
                .Add("tools", Set(rule.Tools))
                .Add("access", Set(rule.Access.Select(a => a.Trim().ToLowerInvariant())))
                .Add("groups", Set(rule.Groups))
                .Add("scopes", Set(rule.Scopes))
                .Add("claims", claims)
                .Add("exclusive", JsonValue.Bool(rule.Exclusive));
        }

        private static JsonValue DataRule(EffectiveDataRule rule)
        {
            var value = JsonValue.Object().Add("name", JsonValue.String(rule.Name));
            if (rule.Detector is not null)
            {
                value.Add("detector", JsonValue.String(rule.Detector));
            }
            else
            {
                value.Add("pattern", JsonValue.String(rule.Pattern ?? string.Empty));
            }

            return value
                .Add("arguments", JsonValue.String(rule.Arguments))
                .Add("results", JsonValue.String(rule.Results))
                .Add("tools", Set(rule.Tools));
        }

        private static JsonValue Bucket(TokenBucketConfig bucket) => JsonValue.Object()
            .Add("tokenLimit", Number(bucket.TokenLimit))
            .Add("tokensPerPeriod", Number(bucket.TokensPerPeriod))
            .Add("replenishmentPeriod", JsonValue.String(bucket.ReplenishmentPeriod));

        private static JsonValue Set(IEnumerable<string> values) =>
            JsonValue.Strings(values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal));

        private static JsonValue Number(long value) => JsonValue.Literal(value.ToString(CultureInfo.InvariantCulture));
    }
}
