using System.Globalization;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.RateLimiting;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// The governance this server actually enforces, worked out from its bound options (after every configuration
/// provider and every options callback), in the shape of the manifest's <c>governance</c> member. It normalises
/// exactly as the generator does (generators/.../Manifest/GovernanceSection.cs), so an unchanged configuration
/// gives the same canonical JSON, and therefore the same manifest hash, as the build.
/// </summary>
internal static class EffectiveGovernance
{
    public static ManifestGovernance From(BoundGovernanceOptions options) => From(options.Policy, options.Dlp, options.RateLimits, options.CodeMode, options.Audit) with
    {
        Pinned = PinnedSettings.All.ToDictionary(s => s.Path, s => s.Bound(options), StringComparer.Ordinal),
    };

    private static ManifestGovernance From(PolicyOptions policy, DlpOptions dlp, RateLimitOptions rateLimits, CodeModeOptions codeMode, AuditOptions audit) => new(
        new GovernancePolicy(
            policy.ReadScope,
            policy.WriteScope,
            policy.DestructiveScope,
            policy.DefaultRead,
            [.. (policy.Rules ?? []).Select(r => new GovernancePolicyRule(
                r.Name,
                Set(r.Tools),
                Set((r.Access ?? []).Select(a => a.Trim().ToLowerInvariant())),
                Set(r.Groups),
                Set(r.Scopes),
                new SortedDictionary<string, string>(r.Claims ?? [], StringComparer.Ordinal),
                r.Exclusive))]),
        new GovernanceDlp(dlp.Enabled, dlp.Enabled ? DataRules(dlp) : []),
        new GovernanceRateLimits(rateLimits.Enabled, Bucket(rateLimits.PerCaller), Bucket(rateLimits.PerTool), rateLimits.ConcurrentCallsPerCaller),
        new GovernanceCodeMode(
            codeMode.Enabled,
            CodeModeQuery.Parse(codeMode.Default) == true ? ManifestCodeMode.SearchAndExecuteDefault : ManifestCodeMode.ToolsDefault,
            codeMode.Timeout,
            codeMode.MaxStatements,
            codeMode.MemoryLimitBytes,
            codeMode.MaxRecursionDepth,
            codeMode.RegexTimeout,
            codeMode.MaxArrayLength,
            codeMode.MaxInnerCalls,
            codeMode.MaxResultBytes,
            codeMode.MaxLogBytes,
            codeMode.MaxConcurrentExecutionsPerCaller),
        new GovernanceAudit(audit.Enabled, audit.FailClosedReads));

    /// <summary>The manifest's <c>governance</c> member for <paramref name="governance"/>, member for member as the generator writes it.</summary>
    public static JsonObject ToJson(ManifestGovernance governance)
    {
        var p = governance.Policy;
        var c = governance.CodeMode;
        var r = governance.RateLimits;
        var json = new JsonObject
        {
            ["policy"] = new JsonObject
            {
                ["readScope"] = p.ReadScope,
                ["writeScope"] = p.WriteScope,
                ["destructiveScope"] = p.DestructiveScope,
                ["defaultRead"] = p.DefaultRead,
                ["rules"] = new JsonArray([.. p.Rules.Select(rule => (JsonNode)new JsonObject
                {
                    ["name"] = rule.Name,
                    ["tools"] = Strings(rule.Tools),
                    ["access"] = Strings(rule.Access),
                    ["groups"] = Strings(rule.Groups),
                    ["scopes"] = Strings(rule.Scopes),
                    ["claims"] = new JsonObject(rule.Claims.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value))),
                    ["exclusive"] = rule.Exclusive,
                })]),
            },
            ["dlp"] = new JsonObject
            {
                ["enabled"] = governance.Dlp.Enabled,
                ["rules"] = new JsonArray([.. governance.Dlp.Rules.Select(DataRule)]),
            },
            ["rateLimits"] = new JsonObject
            {
                ["enabled"] = r.Enabled,
                ["perCaller"] = Bucket(r.PerCaller),
                ["perTool"] = Bucket(r.PerTool),
                ["concurrentCallsPerCaller"] = r.ConcurrentCallsPerCaller,
            },
            ["codeMode"] = new JsonObject
            {
                ["enabled"] = c.Enabled,
                ["default"] = c.Default,
                ["timeout"] = Duration(c.Timeout),
                ["maxStatements"] = c.MaxStatements,
                ["memoryLimitBytes"] = c.MemoryLimitBytes,
                ["maxRecursionDepth"] = c.MaxRecursionDepth,
                ["regexTimeout"] = Duration(c.RegexTimeout),
                ["maxArrayLength"] = c.MaxArrayLength,
                ["maxInnerCalls"] = c.MaxInnerCalls,
                ["maxResultBytes"] = c.MaxResultBytes,
                ["maxLogBytes"] = c.MaxLogBytes,
                ["maxConcurrentExecutionsPerCaller"] = c.MaxConcurrentExecutionsPerCaller,
            },
            ["audit"] = new JsonObject
            {
                ["enabled"] = governance.Audit.Enabled,
                ["failClosedReads"] = governance.Audit.FailClosedReads,
            },
        };
        foreach (var setting in PinnedSettings.All)
        {
            if (governance.Pinned.TryGetValue(setting.Path, out var value))
            {
                Place(json, setting.Path, setting.ToJson(value));
            }
        }

        return json;
    }

    /// <summary>Puts <paramref name="value"/> at a dot-separated path, creating the objects on the way (as the generator does).</summary>
    private static void Place(JsonObject governance, string path, JsonNode value)
    {
        var names = path.Split('.');
        var parent = governance;
        foreach (var name in names[..^1])
        {
            if (parent[name] is not JsonObject child)
            {
                child = new JsonObject();
                parent[name] = child;
            }

            parent = child;
        }

        parent[names[^1]] = value;
    }

    /// <summary>Time spans as the generator writes them: TimeSpan's constant ("c") format.</summary>
    public static string Duration(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>The rules DlpEngine compiles, in its order: built-ins (a configured rule with a built-in's name in its place), then the others.</summary>
    private static List<GovernanceDataRule> DataRules(DlpOptions options)
    {
        var configured = new Dictionary<string, DlpRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in options.Rules ?? [])
        {
            configured.TryAdd(rule.Name.Trim(), rule);
        }

        var rules = new List<GovernanceDataRule>();
        if (!options.DisableBuiltIns)
        {
            foreach (var detector in BuiltInDetector.All)
            {
                rules.Add(configured.Remove(detector.Name, out var replacement)
                    ? Configured(replacement)
                    : new GovernanceDataRule(detector.Name, detector.Name, null, ToManifest(detector.ArgumentAction), ManifestDataAction.Redact, []));
            }
        }

        foreach (var rule in options.Rules ?? [])
        {
            if (configured.TryGetValue(rule.Name.Trim(), out var same) && ReferenceEquals(same, rule))
            {
                rules.Add(Configured(rule));
            }
        }

        return rules;
    }

    private static GovernanceDataRule Configured(DlpRule rule)
    {
        DlpActions.TryParse(rule.Action, out var action);
        DlpActions.TryParse(rule.ResultAction, out var resultAction);
        var detector = BuiltInDetector.Find(rule.Detector)?.Name;
        return new GovernanceDataRule(
            rule.Name.Trim(),
            detector,
            detector is null ? rule.Pattern ?? string.Empty : null,
            ToManifest(action),
            resultAction == DlpAction.Allow ? ManifestDataAction.Allow : ManifestDataAction.Redact,
            Set((rule.Tools ?? []).Select(t => t.Trim())));
    }

    private static JsonObject DataRule(GovernanceDataRule rule)
    {
        var value = new JsonObject { ["name"] = rule.Name };
        if (rule.Detector is not null)
        {
            value["detector"] = rule.Detector;
        }
        else
        {
            value["pattern"] = rule.Pattern ?? string.Empty;
        }

        value["arguments"] = ManifestNames.DataAction(rule.Arguments);
        value["results"] = ManifestNames.DataAction(rule.Results);
        value["tools"] = Strings(rule.Tools);
        return value;
    }

    private static ManifestDataAction ToManifest(DlpAction action) => action switch
    {
        DlpAction.Block => ManifestDataAction.Block,
        DlpAction.Allow => ManifestDataAction.Allow,
        _ => ManifestDataAction.Redact,
    };

    private static GovernanceTokenBucket Bucket(TokenBucketSettings bucket) => new(bucket.TokenLimit, bucket.TokensPerPeriod, bucket.ReplenishmentPeriod);

    private static JsonObject Bucket(GovernanceTokenBucket bucket) => new()
    {
        ["tokenLimit"] = bucket.TokenLimit,
        ["tokensPerPeriod"] = bucket.TokensPerPeriod,
        ["replenishmentPeriod"] = Duration(bucket.ReplenishmentPeriod),
    };

    private static string[] Set(IEnumerable<string>? values) => [.. (values ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
