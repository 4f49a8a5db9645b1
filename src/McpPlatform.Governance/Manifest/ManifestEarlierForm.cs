using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Recognises a manifest hashed in the earlier canonical form (before RFC 8785, numbers hashed as written) and
/// says so, with the command that brings it to the current form, instead of calling an unedited file tampered.
/// A manifest whose numbers were already canonical (every one the generator writes, unless a setting holds an
/// integer beyond 2^53) has the same hash in both forms and needs nothing.
/// </summary>
internal static class ManifestEarlierForm
{
    /// <summary>The command that rewrites an approved manifest in the current form.</summary>
    public const string ReapproveCommand = "mcp-platform manifest approve --reviewer you@example.com";

    /// <summary>
    /// The problem to report when <paramref name="recorded"/> is the earlier-form hash of <paramref name="element"/>
    /// (without its <c>hash</c> member when <paramref name="omitHash"/>), or null when it is not (an edit, then).
    /// </summary>
    /// <param name="element">The manifest (or input schema) as read.</param>
    /// <param name="omitHash">Hash without the top-level <c>hash</c> member (the manifest itself).</param>
    /// <param name="recorded">The hash the file records.</param>
    /// <param name="current">The hash of the content in the current form.</param>
    /// <param name="inApprovedFile">The manifest is embedded in <c>mcp-manifest.approved.json</c> (re-approve) rather than generated (rebuild).</param>
    public static string? Problem(JsonElement element, bool omitHash, string recorded, string current, bool inApprovedFile)
    {
        string earlier;
        try
        {
            earlier = CanonicalJson.EarlierFormSha256(element, omitHash ? "hash" : null);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (!string.Equals(earlier, recorded, StringComparison.Ordinal))
        {
            return null;
        }

        var fix = inApprovedFile
            ? $"Nothing was edited; approve it again to rewrite it in the current form: {ReapproveCommand} (in the project folder, after rebuilding)"
            : "Nothing was edited; rebuild the project to regenerate it in the current form.";
        return $"{recorded} is a hash of the earlier canonical form (before {JsonCanonicalization.FormName}, numbers hashed as written), "
            + $"which this version no longer accepts; in the {JsonCanonicalization.FormName} form the content hashes to {current} "
            + $"(see docs/canonical-json.md). {fix}";
    }
}
