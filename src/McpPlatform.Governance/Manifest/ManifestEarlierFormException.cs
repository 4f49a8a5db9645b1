namespace McpPlatform.Governance.Manifest;

/// <summary>
/// A manifest (or approved manifest) that was not edited but was hashed in the earlier canonical form, before
/// RFC 8785: this version no longer accepts that hash. The message names the form and how to bring the file to
/// the current one (rebuild, or <c>mcp-platform manifest approve</c>); see docs/canonical-json.md.
/// </summary>
public sealed class ManifestEarlierFormException : ManifestFormatException
{
    /// <summary>Creates the exception; the message is built from the parts.</summary>
    /// <param name="sourceName">The file (or other source) read.</param>
    /// <param name="line">The line of the hash.</param>
    /// <param name="fieldPath">The hash's field path.</param>
    /// <param name="problem">What is wrong and what to do.</param>
    public ManifestEarlierFormException(string sourceName, int line, string? fieldPath, string problem)
        : base(sourceName, line, fieldPath, problem)
    {
    }
}
