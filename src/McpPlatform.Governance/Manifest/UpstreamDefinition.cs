using System.Buffers;
using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// The fingerprint of a tool as an upstream MCP server defines it: name, description, input and output schemas
/// and annotations. The portal pins it in the manifest (<c>upstream.definitionHash</c>) so that an upstream
/// that changes a tool's description or schema under the same name (tool poisoning, a "rug pull") is noticed.
/// </summary>
public static class UpstreamDefinition
{
    /// <summary>
    /// <c>sha256:</c> + the lowercase hex SHA-256 of the RFC 8785 canonical form (<see cref="CanonicalJson"/>) of
    /// the object <c>{"name", "description", "inputSchema", "outputSchema", "annotations"}</c>. A member whose value
    /// is <see langword="null"/> is left out (so "no description" and an empty description differ), which makes the
    /// hash independent of member order, whitespace and number spelling in what the upstream sent.
    /// </summary>
    /// <param name="name">The tool's name as the upstream lists it (not the portal's namespaced name).</param>
    /// <param name="description">The upstream's description, or <see langword="null"/> when it has none.</param>
    /// <param name="inputSchema">The upstream's input schema, if any.</param>
    /// <param name="outputSchema">The upstream's output schema, if any.</param>
    /// <param name="annotations">The upstream's tool annotations, if any.</param>
    /// <exception cref="ArgumentException">The name is empty, or a string is not valid Unicode (a lone surrogate).</exception>
    public static string Hash(string name, string? description, JsonElement? inputSchema, JsonElement? outputSchema, JsonElement? annotations)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            if (description is not null)
            {
                writer.WriteString("description", description);
            }

            WriteIfPresent(writer, "inputSchema", inputSchema);
            WriteIfPresent(writer, "outputSchema", outputSchema);
            WriteIfPresent(writer, "annotations", annotations);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return CanonicalJson.Sha256(document.RootElement);
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string member, JsonElement? value)
    {
        // An Undefined element (default(JsonElement)) means "not given", like null.
        if (value is { ValueKind: not JsonValueKind.Undefined } present)
        {
            writer.WritePropertyName(member);
            present.WriteTo(writer);
        }
    }
}
