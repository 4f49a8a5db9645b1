using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using McpPlatform.Generators.Json;
using McpPlatform.Generators.Manifest;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>
    /// Reads the <c>McpPlatform</c> section of appsettings.json the way .NET configuration binds it:
    /// keys ignore case, comments and trailing commas are allowed, booleans may be JSON booleans or
    /// the strings "true"/"false". Problems become diagnostics; absent settings keep the runtime defaults.
    /// </summary>
    internal sealed class AppSettingsParser
    {
        private const string Section = "McpPlatform";
        private readonly string _path;
        private readonly SourceText _text;
        private readonly List<DiagnosticInfo> _diagnostics = new();

        private AppSettingsParser(string path, SourceText text)
        {
            _path = path;
            _text = text;
        }

        public static GovernanceConfig Parse(string path, SourceText? text)
        {
            if (text is null)
            {
                return GovernanceConfig.Defaults;
            }

            return new AppSettingsParser(path, text).Parse() with { Path = path };
        }

        private GovernanceConfig Parse()
        {
            JsonValue root;
            try
            {
                root = LenientJsonReader.Parse(_text.ToString());
            }
            catch (JsonSyntaxException ex)
            {
                var line = ex.Line.ToString(CultureInfo.InvariantCulture);
                var column = ex.Column.ToString(CultureInfo.InvariantCulture);
                var diagnostic = DiagnosticInfo.Create(Diagnostics.MalformedAppSettings, Location(ex.Position), _path, line, column, ex.Message);
                return GovernanceConfig.Defaults with { Diagnostics = new[] { diagnostic }.ToEquatableArray() };
            }

            if (root.Kind != JsonKind.Object)
            {
                var diagnostic = DiagnosticInfo.Create(Diagnostics.MalformedAppSettings, Location(root.Position), _path, "1", "1", "the file must hold a JSON object");
                return GovernanceConfig.Defaults with { Diagnostics = new[] { diagnostic }.ToEquatableArray() };
            }

            var section = ObjectAt(root, Section);
            var config = new GovernanceConfig(
                Policy(ObjectAt(section, "Policy")),
                Dlp(ObjectAt(section, "Dlp")),
                CodeMode(ObjectAt(section, "CodeMode")),
                EquatableArray<DiagnosticInfo>.Empty)
            {
                RateLimits = RateLimits(ObjectAt(section, "RateLimits")),
                CodeModeLimits = ParseCodeModeLimits(ObjectAt(section, "CodeMode")),
                Audit = Audit(ObjectAt(section, "Audit")),
                Pinned = PinnedSettingsTable.All.Select(row => Pinned(section, row)).ToEquatableArray(),
            };
            return config with { Diagnostics = _diagnostics.ToEquatableArray() };
        }

        private PolicyConfig Policy(JsonValue? policy)
        {
            var defaults = PolicyConfig.Defaults;
            if (policy is null)
            {
                return defaults;
            }

            var rules = new List<PolicyRuleConfig>();
            foreach (var rule in Objects(policy, "Policy:Rules"))
            {
                rules.Add(new PolicyRuleConfig(
                    String(rule, "Name") ?? string.Empty,
                    Strings(rule, "Tools", "Policy:Rules:Tools"),
                    Strings(rule, "Access", "Policy:Rules:Access"))
                {
                    Groups = Strings(rule, "Groups", "Policy:Rules:Groups"),
                    Scopes = Strings(rule, "Scopes", "Policy:Rules:Scopes"),
                    Claims = Claims(rule),
                    Exclusive = Bool(rule, "Exclusive", "Policy:Rules:Exclusive") ?? false,
                });
            }

            return new PolicyConfig(
                String(policy, "ReadScope") ?? defaults.ReadScope,
                String(policy, "WriteScope") ?? defaults.WriteScope,
                String(policy, "DestructiveScope") ?? defaults.DestructiveScope,
                Bool(policy, "DefaultRead", "Policy:DefaultRead") ?? defaults.DefaultRead,
                rules.ToEquatableArray());
        }

        private DlpConfig Dlp(JsonValue? dlp)
        {
            var defaults = DlpConfig.Defaults;
            if (dlp is null)
            {
                return defaults;
            }

            var rules = new List<DlpRuleConfig>();
            foreach (var rule in Objects(dlp, "Dlp:Rules"))
            {
                CheckDlpActions(rule);
                rules.Add(new DlpRuleConfig(
                    String(rule, "Name") ?? string.Empty,
                    String(rule, "Detector"),
                    String(rule, "Pattern"),
                    String(rule, "Action"),
                    String(rule, "ResultAction"),
                    Strings(rule, "Tools", "Dlp:Rules:Tools")));
            }

            return new DlpConfig(
                Bool(dlp, "Enabled", "Dlp:Enabled") ?? defaults.Enabled,
                Bool(dlp, "DisableBuiltIns", "Dlp:DisableBuiltIns") ?? defaults.DisableBuiltIns,
                rules.ToEquatableArray());
        }

        private CodeModeConfig CodeMode(JsonValue? codeMode)
        {
            var defaults = CodeModeConfig.Defaults;
            if (codeMode is null)
            {
                return defaults;
            }

            var surface = defaults.Default;
            var configured = String(codeMode, "Default");
            if (configured is not null)
            {
                var normalized = configured.Trim().Replace("_", string.Empty).Replace("-", string.Empty).ToLowerInvariant();
                if (normalized == "tools")
                {
                    surface = CodeModeConfig.Tools;
                }
                else if (normalized == "searchandexecute")
                {
                    surface = CodeModeConfig.SearchAndExecute;
                }
                else
                {
                    Warn(codeMode.Get("Default")!, $"{Section}:CodeMode:Default is '{configured}', not 'tools' or 'search_and_execute'", "says 'tools'");
                }
            }

            return new CodeModeConfig(Bool(codeMode, "Enabled", "CodeMode:Enabled") ?? defaults.Enabled, surface);
        }

        /// <summary>A rule's Claims object as configuration binds it: member names are claim types, the last duplicate wins.</summary>
        private static EquatableArray<ClaimConfig> Claims(JsonValue rule)
        {
            if (!(rule.Get("Claims") is { Kind: JsonKind.Object } claims))
            {
                return EquatableArray<ClaimConfig>.Empty;
            }

            var byType = new Dictionary<string, ClaimConfig>(StringComparer.OrdinalIgnoreCase);
            foreach (var member in claims.Members)
            {
                if (String(claims, member.Key) is { } value)
                {
                    byType[member.Key] = new ClaimConfig(member.Key, value);
                }
            }

            return byType.Values.ToEquatableArray();
        }

        private RateLimitConfig RateLimits(JsonValue? limits)
        {
            var defaults = RateLimitConfig.Defaults;
            if (limits is null)
            {
                return defaults;
            }

            return new RateLimitConfig(
                Bool(limits, "Enabled", "RateLimits:Enabled") ?? defaults.Enabled,
                Bucket(ObjectAt(limits, "PerCaller"), "RateLimits:PerCaller", defaults.PerCaller),
                Bucket(ObjectAt(limits, "PerTool"), "RateLimits:PerTool", defaults.PerTool),
                (int)(Number(limits, "ConcurrentCallsPerCaller", "RateLimits:ConcurrentCallsPerCaller", int.MinValue, int.MaxValue) ?? defaults.ConcurrentCallsPerCaller));
        }

        private TokenBucketConfig Bucket(JsonValue? bucket, string setting, TokenBucketConfig defaults)
        {
            if (bucket is null)
            {
                return defaults;
            }

            return new TokenBucketConfig(
                (int)(Number(bucket, "TokenLimit", setting + ":TokenLimit", int.MinValue, int.MaxValue) ?? defaults.TokenLimit),
                (int)(Number(bucket, "TokensPerPeriod", setting + ":TokensPerPeriod", int.MinValue, int.MaxValue) ?? defaults.TokensPerPeriod),
                Duration(bucket, "ReplenishmentPeriod", setting + ":ReplenishmentPeriod") ?? defaults.ReplenishmentPeriod);
        }

        private CodeModeLimits ParseCodeModeLimits(JsonValue? codeMode)
        {
            var d = Model.CodeModeLimits.Defaults;
            if (codeMode is null)
            {
                return d;
            }

            int Int(string name, int fallback) => (int)(Number(codeMode, name, "CodeMode:" + name, int.MinValue, int.MaxValue) ?? fallback);
            return new CodeModeLimits(
                Duration(codeMode, "Timeout", "CodeMode:Timeout") ?? d.Timeout,
                Int("MaxStatements", d.MaxStatements),
                Number(codeMode, "MemoryLimitBytes", "CodeMode:MemoryLimitBytes", long.MinValue, long.MaxValue) ?? d.MemoryLimitBytes,
                Int("MaxRecursionDepth", d.MaxRecursionDepth),
                Duration(codeMode, "RegexTimeout", "CodeMode:RegexTimeout") ?? d.RegexTimeout,
                Number(codeMode, "MaxArrayLength", "CodeMode:MaxArrayLength", 0, uint.MaxValue) ?? d.MaxArrayLength,
                Int("MaxInnerCalls", d.MaxInnerCalls),
                Int("MaxResultBytes", d.MaxResultBytes),
                Int("MaxLogBytes", d.MaxLogBytes),
                Int("MaxConcurrentExecutionsPerCaller", d.MaxConcurrentExecutionsPerCaller));
        }

        private AuditConfig Audit(JsonValue? audit)
        {
            var defaults = AuditConfig.Defaults;
            return audit is null
                ? defaults
                : new AuditConfig(
                    Bool(audit, "Enabled", "Audit:Enabled") ?? defaults.Enabled,
                    Bool(audit, "FailClosedReads", "Audit:FailClosedReads") ?? defaults.FailClosedReads);
        }

        /// <summary>One row of <see cref="PinnedSettingsTable"/> as the configuration binder reads it; invalid values warn and keep the default.</summary>
        private PinnedSettingValue Pinned(JsonValue? section, PinnedSettingRow row)
        {
            var names = row.Setting.Split(':');
            var parent = section;
            for (var i = 0; i < names.Length - 1; i++)
            {
                parent = ObjectAt(parent, names[i]);
            }

            var name = names[names.Length - 1];
            if (parent is null)
            {
                return row.Value(row.Default, Array.Empty<string>());
            }

            string? text;
            switch (row.Kind)
            {
                case PinnedKind.Int:
                    text = Number(parent, name, row.Setting, int.MinValue, int.MaxValue)?.ToString(CultureInfo.InvariantCulture);
                    break;
                case PinnedKind.Long:
                    text = Number(parent, name, row.Setting, long.MinValue, long.MaxValue)?.ToString(CultureInfo.InvariantCulture);
                    break;
                case PinnedKind.Duration:
                    text = Duration(parent, name, row.Setting);
                    break;
                case PinnedKind.Bool:
                    text = Bool(parent, name, row.Setting) is { } on ? (on ? "true" : "false") : null;
                    break;
                case PinnedKind.Choice:
                    text = Choice(parent, name, row);
                    break;
                case PinnedKind.Set:
                    return row.Value(string.Empty, Strings(parent, name, row.Setting));
                default:
                    text = String(parent, name);
                    break;
            }

            return row.Value(text ?? row.Default, Array.Empty<string>());
        }

        /// <summary>A name of <paramref name="row"/>'s list, ignoring case and surrounding space; blank is the default.</summary>
        private string? Choice(JsonValue parent, string name, PinnedSettingRow row)
        {
            var text = String(parent, name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            foreach (var choice in row.Items)
            {
                if (string.Equals(choice, text, StringComparison.OrdinalIgnoreCase))
                {
                    return choice;
                }
            }

            Warn(parent.Get(name)!, $"{Section}:{row.Setting} is '{text}', not one of {string.Join(", ", row.Items)}", "lists it as " + row.Default);
            return null;
        }

        /// <summary>An integer setting as the configuration binder reads it (invariant culture); out of range or not a number warns.</summary>
        private long? Number(JsonValue parent, string name, string setting, long min, long max)
        {
            var text = String(parent, name)?.Trim();
            if (text is null)
            {
                return null;
            }

            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            Warn(parent.Get(name)!, $"{Section}:{setting} must be a whole number (got '{text}')", "uses the default");
            return null;
        }

        /// <summary>A TimeSpan setting as the configuration binder reads it, written in the "c" format the runtime uses.</summary>
        private string? Duration(JsonValue parent, string name, string setting)
        {
            var text = String(parent, name)?.Trim();
            if (text is null)
            {
                return null;
            }

            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
            {
                return value.ToString("c", CultureInfo.InvariantCulture);
            }

            Warn(parent.Get(name)!, $"{Section}:{setting} must be a time span such as 00:00:10 (got '{text}')", "uses the default");
            return null;
        }

        private void CheckDlpActions(JsonValue rule)
        {
            var action = String(rule, "Action");
            if (GovernanceRules.ParseDlpAction(action) is null)
            {
                Warn(rule.Get("Action")!, $"{Section}:Dlp:Rules: Action '{action}' is not one of Block, Redact, Allow", "lists it as redact");
            }

            var resultAction = String(rule, "ResultAction");
            if (GovernanceRules.ParseDlpAction(resultAction) is null or "block")
            {
                Warn(rule.Get("ResultAction")!, $"{Section}:Dlp:Rules: ResultAction '{resultAction}' is not one of Redact, Allow", "lists it as redact");
            }
        }

        private static JsonValue? ObjectAt(JsonValue? parent, string name) =>
            parent?.Get(name) is { Kind: JsonKind.Object } found ? found : null;

        /// <summary>The object items of an array setting; configuration binds a missing array as empty.</summary>
        private IEnumerable<JsonValue> Objects(JsonValue parent, string setting)
        {
            var name = setting.Substring(setting.LastIndexOf(':') + 1);
            var value = parent.Get(name);
            if (value is null || value.Kind == JsonKind.Literal && value.Text == "null")
            {
                yield break;
            }

            if (value.Kind != JsonKind.Array)
            {
                Warn(value, $"{Section}:{setting} must be a JSON array of objects", "ignores it");
                yield break;
            }

            foreach (var item in value.Items)
            {
                if (item.Kind == JsonKind.Object)
                {
                    yield return item;
                }
                else
                {
                    Warn(item, $"{Section}:{setting} contains an entry that is not an object", "ignores it");
                }
            }
        }

        /// <summary>A setting as configuration sees it: strings, numbers and booleans are all text; null and objects are absent.</summary>
        private static string? String(JsonValue parent, string name)
        {
            var value = parent.Get(name);
            return value?.Kind switch
            {
                JsonKind.String => value.Text,
                JsonKind.Literal when value.Text != "null" => value.Text,
                _ => null,
            };
        }

        private EquatableArray<string> Strings(JsonValue parent, string name, string setting)
        {
            var value = parent.Get(name);
            if (value is null || value.Kind == JsonKind.Literal && value.Text == "null")
            {
                return EquatableArray<string>.Empty;
            }

            if (value.Kind != JsonKind.Array)
            {
                Warn(value, $"{Section}:{setting} must be a JSON array of strings", "treats it as empty");
                return EquatableArray<string>.Empty;
            }

            var items = new List<string>();
            foreach (var item in value.Items)
            {
                if (item.Kind == JsonKind.String || (item.Kind == JsonKind.Literal && item.Text != "null"))
                {
                    items.Add(item.Text!);
                }
                else
                {
                    Warn(item, $"{Section}:{setting} contains an entry that is not a string", "ignores it");
                }
            }

            return items.ToEquatableArray();
        }

        private bool? Bool(JsonValue parent, string name, string setting)
        {
            var text = String(parent, name)?.Trim();
            if (text is null)
            {
                return null;
            }

            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            Warn(parent.Get(name)!, $"{Section}:{setting} must be true or false (got '{text}')", "uses the default");
            return null;
        }

        private void Warn(JsonValue value, string problem, string consequence)
        {
            var location = Location(value.Position);
            var line = (location.LineSpan.Start.Line + 1).ToString(CultureInfo.InvariantCulture);
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidGovernanceSetting, location, problem, line, _path, consequence));
        }

        private LocationInfo Location(int position)
        {
            position = Math.Max(0, Math.Min(position, _text.Length));
            var span = new TextSpan(position, position < _text.Length ? 1 : 0);
            return new LocationInfo(_path, span, _text.Lines.GetLinePositionSpan(span));
        }
    }
}
