namespace McpPlatform.Governance.Manifest;

/// <summary>
/// A tool's <c>revert</c> section: the inverse tool <c>rollback</c> calls to undo a call of this tool, and where each of
/// the inverse's arguments comes from (<c>argument</c>: the original call's argument of that name; <c>result</c>: the
/// top-level property of its result). Absent for tools without an inverse, so their entries keep their content and hash.
/// </summary>
/// <param name="Tool">The inverse tool's name.</param>
/// <param name="From">Each filled argument of the inverse and its source, sorted by argument name.</param>
public sealed record ManifestRevert(string Tool, IReadOnlyDictionary<string, string> From)
{
    /// <summary>The member name of the section in a manifest tool.</summary>
    public const string MemberName = "revert";

    /// <summary>The source of an argument taken from the original call's arguments.</summary>
    public const string FromArgument = "argument";

    /// <summary>The source of an argument taken from the original call's result.</summary>
    public const string FromResult = "result";

    internal static readonly string[] Members = ["tool", "from"];

    /// <inheritdoc />
    public bool Equals(ManifestRevert? other) =>
        other is not null && Tool == other.Tool && From.Count == other.From.Count
        && From.All(pair => other.From.TryGetValue(pair.Key, out var source) && source == pair.Value);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Tool);

    /// <summary>How people read it: <c>"delete_issue" (id from result)</c>.</summary>
    public override string ToString() =>
        DisplayText.Quote(Tool) + (From.Count == 0 ? string.Empty : " (" + string.Join(", ", From.Select(p => $"{p.Key} from {p.Value}")) + ")");
}
