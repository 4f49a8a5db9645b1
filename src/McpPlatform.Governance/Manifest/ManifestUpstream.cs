using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// A tool's <c>upstream</c> section: the tool comes from another MCP server behind a portal, and the manifest pins
/// the definition that server gave when the tool was approved. Absent for the server's own tools, so every manifest
/// written before portals existed keeps its content and hash.
/// </summary>
/// <param name="Namespace">The upstream's namespace in the portal (its tools are named <c>{namespace}_{tool}</c>).</param>
/// <param name="Tool">The tool's name as the upstream lists it.</param>
/// <param name="DefinitionHash">
/// <see cref="UpstreamDefinition.Hash"/> of the definition the upstream gave (name, description, schemas, annotations);
/// a tool whose upstream definition no longer hashes to this differs from the approved one.
/// </param>
public sealed record ManifestUpstream(string Namespace, string Tool, string DefinitionHash)
{
    /// <summary>The member name of the section in a manifest tool.</summary>
    public const string MemberName = "upstream";

    internal static readonly string[] Members = ["namespace", "tool", "definitionHash"];

    /// <summary>Writes the section's value (the object, not the member name) in the manifest's form.</summary>
    /// <exception cref="ArgumentException">A member is empty, or the hash is not <c>sha256:</c> + 64 lowercase hex digits.</exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentException.ThrowIfNullOrEmpty(Namespace);
        ArgumentException.ThrowIfNullOrEmpty(Tool);
        if (!CanonicalJson.IsHash(DefinitionHash))
        {
            throw new ArgumentException($"The upstream definition hash must be {CanonicalJson.HashPrefix} followed by 64 lowercase hex digits (got '{DefinitionHash}').", nameof(DefinitionHash));
        }

        writer.WriteStartObject();
        writer.WriteString("namespace", Namespace);
        writer.WriteString("tool", Tool);
        writer.WriteString("definitionHash", DefinitionHash);
        writer.WriteEndObject();
    }

    /// <summary>How people read it: <c>upstream "jira" tool "search"</c> (quoted safely for a terminal).</summary>
    public override string ToString() => $"upstream {DisplayText.Quote(Namespace)} tool {DisplayText.Quote(Tool)}";
}
