using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Dlp;

/// <summary>
/// Applies the DLP rules of <see cref="DlpOptions"/>: to a tool's arguments before it runs (block or
/// redact) and to its result before it leaves the server (redact). Thread-safe; build one per server.
/// </summary>
/// <remarks>
/// Every rule's regular expression runs with <see cref="DlpOptions.MatchTimeout"/>. A timeout never
/// fails the call: it blocks arguments and withholds the whole result value (fail closed).
/// </remarks>
public sealed class DlpEngine
{
    /// <summary>The <c>_meta</c> key set to true on a result cut at the scan limit (<c>OverLimit: Truncate</c>).</summary>
    public const string ScanIncompleteMetaKey = "mcpplatform/dlp-scan-incomplete";

    /// <summary>The rule name reported when values exceed <see cref="DlpOptions.MaxScannedChars"/>.</summary>
    public const string ScanLimitRule = DlpScan.ScanLimitRule;

    private readonly bool _enabled;
    private readonly int _maxScannedChars;
    private readonly DlpOverLimit _overLimit;
    private readonly CompiledDlpRule[] _rules;
    private readonly ConcurrentDictionary<(string Name, string ToolSet), DlpRuleSet> _byTool = new();

    /// <summary>Creates the engine for tools matched by name and tool set as they are inspected.</summary>
    /// <exception cref="ArgumentException">The options are not valid (see <see cref="DlpValidator"/>).</exception>
    public DlpEngine(DlpOptions options)
        : this(options, null)
    {
    }

    /// <summary>Creates the engine for the tools of <paramref name="catalog"/>, whose rule sets are prepared up front.</summary>
    /// <exception cref="ArgumentException">The options are not valid for the catalog (see <see cref="DlpValidator"/>).</exception>
    public DlpEngine(DlpOptions options, ToolDescriptorSet? catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = DlpValidator.Validate(options, catalog);
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid DLP options: " + string.Join(" ", failures), nameof(options));
        }

        _enabled = options.Enabled;
        _maxScannedChars = options.MaxScannedChars;
        DlpOverLimits.TryParse(options.OverLimit, out _overLimit);
        _rules = _enabled ? Compile(options) : [];
        foreach (var tool in catalog ?? ToolDescriptorSet.Empty)
        {
            RuleSet(tool);
        }
    }

    /// <summary>False when DLP is switched off; then nothing is inspected or changed.</summary>
    public bool Enabled => _enabled;

    /// <summary>The names of the rules that block or redact anything for <paramref name="tool"/>, in the order they run.</summary>
    public IReadOnlyList<string> RulesFor(McpToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return RuleSet(tool).Names;
    }

    /// <summary>
    /// The rules that do anything for the tool with this name and tool set, with their actions, in the order they
    /// run: what a manifest lists as the tool's <c>dataRules</c> (a portal writes it for each upstream tool).
    /// Empty when DLP is switched off.
    /// </summary>
    public IReadOnlyList<ManifestDataRule> DataRulesFor(string toolName, string toolSet)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(toolSet);
        return [.. _rules
            .Where(r => r.AppliesTo(toolName, toolSet) && (r.Action != DlpAction.Allow || r.ResultAction != DlpAction.Allow))
            .Select(r => new ManifestDataRule(r.Name, ManifestAction(r.Action), ManifestAction(r.ResultAction)))];
    }

    private static ManifestDataAction ManifestAction(DlpAction action) => action switch
    {
        DlpAction.Block => ManifestDataAction.Block,
        DlpAction.Redact => ManifestDataAction.Redact,
        _ => ManifestDataAction.Allow,
    };

    /// <summary>
    /// Scans every string, number and key (argument names too) in <paramref name="arguments"/>, at any depth.
    /// Blocks the call when a Block rule matches, a rule times out, or the arguments are too large to
    /// scan; otherwise returns the arguments with Redact rules' matches replaced (JSON structure kept).
    /// </summary>
    public DlpArgumentsResult InspectArguments(McpToolDescriptor tool, IDictionary<string, JsonElement>? arguments)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (arguments is null || arguments.Count == 0)
        {
            return DlpArgumentsResult.Unchanged(arguments);
        }

        var rules = RuleSet(tool);
        if (!rules.ScansArguments)
        {
            return DlpArgumentsResult.Unchanged(arguments);
        }

        var scan = new DlpScan(rules, arguments: true, _maxScannedChars, _overLimit, tool.Name);
        Dictionary<string, JsonElement>? redacted = null;
        foreach (var (name, value) in arguments)
        {
            // A name is data too: an argument the tool does not take is still audited by name.
            var renamed = scan.ScanArgumentName(name);
            scan.BeginArgument(renamed ?? name);
            var replaced = scan.Blocked ? null : scan.ScanElement(value);
            if (scan.Blocked)
            {
                return DlpArgumentsResult.Blocked(scan.BlockedRule!, scan.BlockedPath!, scan.BlockedMessage!, scan.Fired);
            }

            if (renamed is not null || replaced is not null)
            {
                redacted ??= new Dictionary<string, JsonElement>(arguments, StringComparer.Ordinal);
                if (renamed is not null)
                {
                    redacted.Remove(name);
                }

                redacted[renamed ?? name] = replaced ?? value;
            }
        }

        return redacted is null ? DlpArgumentsResult.Unchanged(arguments) : DlpArgumentsResult.Redacted(redacted, scan.Fired);
    }

    /// <summary>
    /// Starts scanning one result of <paramref name="tool"/>; null when no rule looks at its results. The MCP
    /// adapter (Hosting's DlpResultRedaction) walks the result's content blocks through it.
    /// </summary>
    internal DlpScan? BeginResultScan(McpToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var rules = RuleSet(tool);
        return rules.ScansResults ? new DlpScan(rules, arguments: false, _maxScannedChars, _overLimit, tool.Name) : null;
    }

    /// <summary>True when a result too large to scan is withheld rather than cut (<see cref="DlpOptions.OverLimit"/>).</summary>
    internal bool WithholdsOverLimit => _overLimit == DlpOverLimit.Block;

    /// <summary>What the caller reads when a result of <paramref name="tool"/> is withheld for being too large to scan.</summary>
    internal string WithheldMessage(string tool) =>
        $"The result of tool '{tool}' was withheld: it has more than {_maxScannedChars.ToString("N0", CultureInfo.InvariantCulture)} characters " +
        $"to scan for sensitive data ({DlpOptions.SectionName}:MaxScannedChars). Ask for less at a time; the operator can raise " +
        $"{DlpOptions.SectionName}:MaxScannedChars or set {DlpOptions.SectionName}:OverLimit to Truncate.";

    private DlpRuleSet RuleSet(McpToolDescriptor tool)
    {
        if (_rules.Length == 0)
        {
            return DlpRuleSet.Empty;
        }

        return _byTool.GetOrAdd((tool.Name, tool.ToolSet), static (_, state) =>
            new DlpRuleSet([.. state.Rules.Where(r => r.AppliesTo(state.Tool))]), (Rules: _rules, Tool: tool));
    }

    private static CompiledDlpRule[] Compile(DlpOptions options)
    {
        var timeout = options.MatchTimeout;
        var configured = (options.Rules ?? []).ToDictionary(r => r.Name.Trim(), StringComparer.OrdinalIgnoreCase);
        var rules = new List<CompiledDlpRule>();
        if (!options.DisableBuiltIns)
        {
            foreach (var detector in BuiltInDetector.All)
            {
                rules.Add(configured.Remove(detector.Name, out var replacement)
                    ? CompiledDlpRule.Configured(replacement, timeout)
                    : CompiledDlpRule.BuiltIn(detector, timeout));
            }
        }

        foreach (var rule in options.Rules ?? [])
        {
            if (configured.ContainsKey(rule.Name.Trim()))
            {
                rules.Add(CompiledDlpRule.Configured(rule, timeout));
            }
        }

        return [.. rules];
    }
}
