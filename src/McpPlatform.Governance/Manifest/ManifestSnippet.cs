namespace McpPlatform.Governance.Manifest;

/// <summary>
/// A tool's <c>snippet</c> section: the tool is a reviewed script of the project (<c>snippets/*.js</c>,
/// docs/snippets.md), pinned by the hash of its bytes. Absent for every other tool, so their manifests keep their
/// content and hash.
/// </summary>
/// <param name="Name">The snippet's name (the tool is <c>snippet_&lt;name&gt;</c>).</param>
/// <param name="ScriptHash"><c>sha256:</c> + hex SHA-256 of the file's bytes as the build checked and shipped them.</param>
public sealed record ManifestSnippet(string Name, string ScriptHash)
{
    /// <summary>The member name of the section in a manifest tool.</summary>
    public const string MemberName = "snippet";

    internal static readonly string[] Members = ["name", "scriptHash"];
}
