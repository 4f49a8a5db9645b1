using System.Text.RegularExpressions;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Dlp;

/// <summary>
/// Checks DLP options before they are used, so a mistake fails start-up with a message naming the
/// rule and setting instead of silently letting data through.
/// </summary>
public static class DlpValidator
{
    private const string Section = DlpOptions.SectionName;

    /// <summary>
    /// Every problem with <paramref name="options"/>; empty when valid. With a <paramref name="catalog"/>,
    /// rule <c>Tools</c> entries must also name tools or tool sets of that catalog.
    /// </summary>
    public static IReadOnlyList<string> Validate(DlpOptions options, ToolDescriptorSet? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MatchTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:MatchTimeout must be positive, such as '00:00:00.100' (got '{options.MatchTimeout}').");
        }
        else if (options.MatchTimeout.TotalMilliseconds >= int.MaxValue)
        {
            failures.Add($"{Section}:MatchTimeout is too large (got '{options.MatchTimeout}'); a few hundred milliseconds at most is usual.");
        }

        if (options.MaxScannedChars < 1)
        {
            failures.Add($"{Section}:MaxScannedChars must be at least 1 (got {options.MaxScannedChars}).");
        }

        if (!DlpOverLimits.TryParse(options.OverLimit, out _))
        {
            failures.Add($"{Section}:OverLimit must be Block or Truncate (got '{options.OverLimit}').");
        }

        var timeout = options.MatchTimeout > TimeSpan.Zero && failures.Count == 0 ? options.MatchTimeout : DlpOptions.DefaultMatchTimeout;
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
            CheckDetectorOrPattern(failures, label, rule, timeout);
            if (!DlpActions.TryParse(rule.Action, out _))
            {
                failures.Add($"{label}: Action '{rule.Action}' is not one of Block, Redact, Allow.");
            }

            if (!DlpActions.TryParse(rule.ResultAction, out var resultAction) || resultAction == DlpAction.Block)
            {
                failures.Add($"{label}: ResultAction '{rule.ResultAction}' is not one of Redact, Allow (results are redacted, never blocked).");
            }

            CheckTools(failures, label, rule, catalog);
        }

        return failures;
    }

    private static void CheckName(List<string> failures, string label, DlpRule rule, int index, Dictionary<string, int> names)
    {
        if (string.IsNullOrWhiteSpace(rule.Name))
        {
            failures.Add($"{label}: Name is required; block messages and audit records name the rule that fired.");
        }
        else if (string.Equals(rule.Name.Trim(), DlpScan.ScanLimitRule, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{label}: Name '{DlpScan.ScanLimitRule}' is reserved for values too large to scan; choose another name.");
        }
        else if (!names.TryAdd(rule.Name.Trim(), index))
        {
            failures.Add($"{label}: Name '{rule.Name}' is already used by {Section}:Rules[{names[rule.Name.Trim()]}]; rule names must be unique.");
        }
    }

    private static void CheckDetectorOrPattern(List<string> failures, string label, DlpRule rule, TimeSpan timeout)
    {
        var hasDetector = !string.IsNullOrWhiteSpace(rule.Detector);
        var hasPattern = !string.IsNullOrEmpty(rule.Pattern);
        if (hasDetector == hasPattern)
        {
            failures.Add(hasDetector
                ? $"{label}: set Detector or Pattern, not both."
                : $"{label}: set Detector (one of {string.Join(", ", DlpDetectors.Names)}) or Pattern (a regular expression).");
            return;
        }

        if (hasDetector)
        {
            if (BuiltInDetector.Find(rule.Detector) is null)
            {
                failures.Add($"{label}: Detector '{rule.Detector}' is not a built-in detector; use one of {string.Join(", ", DlpDetectors.Names)}, or a Pattern.");
            }

            return;
        }

        try
        {
            var regex = new Regex(rule.Pattern!, RegexOptions.CultureInvariant, timeout);
            if (regex.IsMatch(string.Empty))
            {
                failures.Add($"{label}: Pattern '{rule.Pattern}' matches the empty string, so it would match everywhere; make it match at least one character.");
            }
        }
        catch (ArgumentException ex)
        {
            failures.Add($"{label}: Pattern '{rule.Pattern}' is not a valid .NET regular expression: {ex.Message}");
        }
        catch (RegexMatchTimeoutException)
        {
            failures.Add($"{label}: Pattern '{rule.Pattern}' timed out matching the empty string.");
        }
    }

    private static void CheckTools(List<string> failures, string label, DlpRule rule, ToolDescriptorSet? catalog)
    {
        foreach (var entry in rule.Tools ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                failures.Add($"{label}: Tools contains an empty entry; list tool names, 'prefix_*' for every tool whose name starts with prefix_, 'toolset/*' for a tool set, or '*' for every tool.");
                continue;
            }

            var tool = entry.Trim();
            if (ToolPatterns.WildcardProblem(tool) is { } problem)
            {
                failures.Add($"{label}: Tools contains '{entry}', but {problem}.");
                continue;
            }

            // A prefix ('thirdparty_*') is allowed even when no tool matches yet: it names a family (a portal
            // upstream's namespace) whose tools come and go with the upstream.
            if (catalog is null || tool == CompiledDlpRule.AllTools || ToolPatterns.IsPrefix(tool))
            {
                continue;
            }

            if (tool.EndsWith(CompiledDlpRule.ToolSetSuffix, StringComparison.Ordinal))
            {
                var toolSet = tool[..^CompiledDlpRule.ToolSetSuffix.Length];
                if (!catalog.HasToolSet(toolSet))
                {
                    failures.Add($"{label}: Tools contains '{entry}', but '{toolSet}' is not a tool set of this server.");
                }
            }
            else if (!catalog.TryGet(tool, out _))
            {
                failures.Add($"{label}: Tools contains '{entry}', which is not a tool of this server.");
            }
        }
    }
}
