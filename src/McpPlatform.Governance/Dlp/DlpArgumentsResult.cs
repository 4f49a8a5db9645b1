using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace McpPlatform.Governance.Dlp;

/// <summary>
/// The outcome of <see cref="DlpEngine.InspectArguments"/>: either the call is blocked (by
/// <see cref="Rule"/>, at <see cref="Path"/>), or it may proceed with <see cref="Arguments"/>.
/// </summary>
public sealed class DlpArgumentsResult
{
    private DlpArgumentsResult(bool blocked, string? rule, string? path, string? message,
        IDictionary<string, JsonElement>? arguments, IReadOnlyList<string> firedRules, bool changed)
    {
        IsBlocked = blocked;
        Rule = rule;
        Path = path;
        Message = message;
        Arguments = arguments;
        FiredRules = firedRules;
        Changed = changed;
    }

    /// <summary>True when the call must not run.</summary>
    [MemberNotNullWhen(true, nameof(Rule), nameof(Path), nameof(Message))]
    public bool IsBlocked { get; }

    /// <summary>
    /// The rule that blocked the call, or <c>scan-limit</c> when the arguments were too large to
    /// scan; null when not blocked.
    /// </summary>
    public string? Rule { get; }

    /// <summary>The path of the blocked argument, such as <c>ticket.labels[1]</c>; null when not blocked.</summary>
    public string? Path { get; }

    /// <summary>Why the call was blocked, naming the rule and the argument path but never the value; null when not blocked.</summary>
    public string? Message { get; }

    /// <summary>
    /// The arguments to call the tool with: a new dictionary with matches replaced when
    /// <see cref="Changed"/>, otherwise the dictionary that was inspected (possibly null). Null when blocked.
    /// </summary>
    public IDictionary<string, JsonElement>? Arguments { get; }

    /// <summary>The rules that fired (blocked or redacted something), each once, for the audit record.</summary>
    public IReadOnlyList<string> FiredRules { get; }

    /// <summary>True when any argument was redacted.</summary>
    public bool Changed { get; }

    internal static DlpArgumentsResult Unchanged(IDictionary<string, JsonElement>? arguments) =>
        new(false, null, null, null, arguments, [], false);

    internal static DlpArgumentsResult Redacted(IDictionary<string, JsonElement> arguments, IReadOnlyList<string> firedRules) =>
        new(false, null, null, null, arguments, firedRules, true);

    internal static DlpArgumentsResult Blocked(string rule, string path, string message, IReadOnlyList<string> firedRules) =>
        new(true, rule, path, message, null, firedRules, false);
}
