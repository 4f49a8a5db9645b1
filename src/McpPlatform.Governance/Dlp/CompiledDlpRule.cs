using System.Text.RegularExpressions;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Dlp;

/// <summary>A validated rule, ready to scan text. Scanning methods throw <see cref="RegexMatchTimeoutException"/> on timeout.</summary>
internal sealed class CompiledDlpRule
{
    /// <summary>Matches any tool (<c>*</c>).</summary>
    public const string AllTools = ToolPatterns.AllTools;

    /// <summary>Ends a tool set entry (<c>toolset/*</c>).</summary>
    public const string ToolSetSuffix = ToolPatterns.ToolSetSuffix;

    /// <summary>How much longer the second attempt after a timeout may take.</summary>
    public const int PatientTimeoutFactor = 10;

    private readonly Regex _regex;
    private readonly Lazy<Regex> _patient;
    private readonly MatchCheck? _check;
    private readonly string? _requiredText;
    private readonly int _minDigits;
    private readonly ToolPatternSet _tools;

    private CompiledDlpRule(string name, Func<TimeSpan, Regex> createRegex, TimeSpan timeout, MatchCheck? check, int minLength,
        string? requiredText, DlpAction action, DlpAction resultAction, string[] tools, string? replacement, int minDigits = 0)
    {
        _minDigits = minDigits;
        Name = name;
        _regex = createRegex(timeout);

        // A match that times out once may only have been starved of CPU on a busy machine; it gets one
        // second attempt with a longer timeout, and a pathological pattern still fails both (fail closed).
        _patient = new Lazy<Regex>(() => createRegex(timeout * PatientTimeoutFactor));
        _check = check;
        MinLength = Math.Max(1, minLength);
        _requiredText = requiredText;
        Action = action;
        ResultAction = resultAction;
        Replacement = replacement ?? $"[REDACTED:{name}]";
        _tools = ToolPatterns.Compile(tools, emptyMeansAll: true);
    }

    public string Name { get; }

    public DlpAction Action { get; }

    public DlpAction ResultAction { get; }

    public string Replacement { get; }

    /// <summary>The length of the shortest text the rule can match.</summary>
    public int MinLength { get; }

    /// <summary>The built-in rule of a detector, as it applies by default.</summary>
    public static CompiledDlpRule BuiltIn(BuiltInDetector detector, TimeSpan timeout) =>
        new(detector.Name, detector.CreateRegex, timeout, detector.Check, detector.MinLength, detector.RequiredText,
            detector.ArgumentAction, DlpAction.Redact, [], null, detector.MinDigits);

    /// <summary>A configured rule; the rule must have passed <see cref="DlpValidator"/>.</summary>
    public static CompiledDlpRule Configured(DlpRule rule, TimeSpan timeout)
    {
        DlpActions.TryParse(rule.Action, out var action);
        DlpActions.TryParse(rule.ResultAction, out var resultAction);
        var name = rule.Name.Trim();
        var tools = (rule.Tools ?? []).Select(t => t.Trim()).ToArray();
        var detector = BuiltInDetector.Find(rule.Detector);
        return detector is not null
            ? new(name, detector.CreateRegex, timeout, detector.Check, detector.MinLength, detector.RequiredText,
                action, resultAction, tools, rule.Replacement, detector.MinDigits)
            : new(name, t => CreateRegex(rule.Pattern!, t), timeout, null, 1, null, action, resultAction, tools, rule.Replacement);
    }

    /// <summary>Compiles a custom pattern the way every rule's expression is compiled.</summary>
    public static Regex CreateRegex(string pattern, TimeSpan timeout) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, timeout);

    /// <summary>True when the rule covers <paramref name="tool"/>.</summary>
    public bool AppliesTo(McpToolDescriptor tool) => _tools.Matches(tool);

    /// <summary>True when the rule covers the tool with this name and tool set.</summary>
    public bool AppliesTo(string toolName, string toolSet) => _tools.Matches(toolName, toolSet);

    /// <summary>True when the text contains at least one confirmed, non-empty match.</summary>
    /// <exception cref="RegexMatchTimeoutException">Both attempts timed out.</exception>
    public bool Matches(string text)
    {
        try
        {
            return Matches(_regex, text);
        }
        catch (RegexMatchTimeoutException)
        {
            return Matches(_patient.Value, text);
        }
    }

    /// <summary>Adds every confirmed match in <paramref name="text"/> to <paramref name="into"/>; true when one was new (the rule fired).</summary>
    /// <exception cref="RegexMatchTimeoutException">Both attempts timed out.</exception>
    public bool Collect(string text, Redactions into)
    {
        try
        {
            return Collect(_regex, text, into);
        }
        catch (RegexMatchTimeoutException)
        {
            return Collect(_patient.Value, text, into);
        }
    }

    private bool Matches(Regex regex, string text)
    {
        if (!MightMatch(regex, text))
        {
            return false;
        }

        var start = 0;
        while (start < text.Length)
        {
            var match = regex.Match(text, start);
            if (!match.Success)
            {
                return false;
            }

            if (Confirm(match) > 0)
            {
                return true;
            }

            start = match.Index + 1;
        }

        return false;
    }

    private bool Collect(Regex regex, string text, Redactions into)
    {
        if (!MightMatch(regex, text))
        {
            return false;
        }

        var fired = false;
        var start = 0;
        while (start < text.Length)
        {
            var match = regex.Match(text, start);
            if (!match.Success)
            {
                break;
            }

            var length = Confirm(match);
            if (length <= 0)
            {
                // Not confirmed: a real match may still start inside this candidate.
                start = match.Index + 1;
                continue;
            }

            fired |= into.Add(match.Index, match.Index + length, Replacement);
            start = match.Index + length;
        }

        return fired;
    }

    /// <summary>Cheap tests first: length, required text, then one allocation-free regular expression pass.</summary>
    private bool MightMatch(Regex regex, string text) =>
        text.Length >= MinLength
        && (_requiredText is null || text.Contains(_requiredText, StringComparison.Ordinal))
        && HasDigits(text, _minDigits)
        && regex.IsMatch(text.AsSpan());

    /// <summary>True when <paramref name="text"/> holds at least <paramref name="count"/> ASCII digits (vectorised search, stops at <paramref name="count"/>).</summary>
    private static bool HasDigits(ReadOnlySpan<char> text, int count)
    {
        for (var found = 0; found < count; found++)
        {
            var next = text.IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                return false;
            }

            text = text[(next + 1)..];
        }

        return true;
    }

    private int Confirm(Match match) =>
        match.Length == 0 ? 0 : _check is null ? match.Length : Math.Min(_check(match), match.Length);
}
