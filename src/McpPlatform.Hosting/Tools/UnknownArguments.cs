using McpPlatform.Governance.Tools;

namespace McpPlatform.Hosting.Tools;

/// <summary>
/// The error for arguments (or properties of an argument object) the tool does not take. Every
/// generated schema says <c>additionalProperties: false</c>; silently ignoring a misspelt filter
/// (<c>query</c> for <c>text</c>) would run a different call than the caller meant, so it is
/// refused with the names that are accepted. Names the caller sent are quoted, cut to a short
/// prefix; values never appear.
/// </summary>
internal static class UnknownArguments
{
    private const int MaxNamesQuoted = 5;
    private const int MaxNameLength = 64;

    public static bool IsAccepted(string name, IReadOnlyList<string> accepted, StringComparison comparison)
    {
        foreach (var candidate in accepted)
        {
            if (string.Equals(candidate, name, comparison))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The error naming the unknown names and listing the accepted ones; <paramref name="objectPath"/> is null for the top level.</summary>
    public static ToolArgumentException Error(IReadOnlyList<string> unknown, IReadOnlyList<string> accepted, string? objectPath)
    {
        var prefix = objectPath is null ? "" : objectPath + ".";
        var quoted = string.Join(", ", unknown.Take(MaxNamesQuoted).Select(name => $"'{prefix}{Shorten(name)}'"));
        var more = unknown.Count > MaxNamesQuoted ? $" and {unknown.Count - MaxNamesQuoted} more" : "";
        var noun = unknown.Count == 1 ? "Unknown argument" : "Unknown arguments";
        var acceptedText = (objectPath, accepted.Count) switch
        {
            (null, 0) => "this tool takes no arguments",
            (null, _) => "this tool accepts " + string.Join(", ", accepted),
            (_, 0) => $"'{objectPath}' takes no properties",
            _ => $"'{objectPath}' accepts " + string.Join(", ", accepted),
        };
        return new ToolArgumentException(prefix + Shorten(unknown[0]), $"{noun} {quoted}{more}: {acceptedText}.");
    }

    private static string Shorten(string name) =>
        name.Length <= MaxNameLength ? name : string.Concat(name.AsSpan(0, MaxNameLength), "…");
}
