using System.Buffers;
using System.Text.Json;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// A hash of what the server exposes (each tool's name, access class, description and schemas), recorded in
/// every audit record when the server has no manifest, so a reviewer can tell which tool surface served a call.
/// </summary>
/// <remarks>
/// The hash is <c>sha256:</c> + the hex SHA-256 of the RFC 8785 (JCS) canonical form (docs/canonical-json.md) of
/// the JSON array, in the catalog's order (by name, ordinal), of <c>{"name", "access", "description", "inputSchema", "outputSchema"}</c>
/// objects: access in lower case as in the manifest, schemas as JSON objects, <c>outputSchema</c> absent when the
/// tool declares none.
/// </remarks>
internal static class ToolSurfaceHash
{
    public static string Compute(ToolDescriptorSet catalog)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var d in catalog)
            {
                writer.WriteStartObject();
                writer.WriteString("name", d.Name);
                writer.WriteString("access", d.Access.ToString().ToLowerInvariant());
                writer.WriteString("description", d.Description);
                WriteSchema(writer, "inputSchema", d.InputSchema);
                if (d.OutputSchema is { } output)
                {
                    WriteSchema(writer, "outputSchema", output);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        using var surface = JsonDocument.Parse(buffer.WrittenMemory);
        return CanonicalJson.Sha256(surface.RootElement);
    }

    /// <summary>A schema as the JSON it is; text that is not JSON (no generated schema is) as a string, so the hash still covers it.</summary>
    private static void WriteSchema(Utf8JsonWriter writer, string name, string schema)
    {
        writer.WritePropertyName(name);
        try
        {
            using var parsed = JsonDocument.Parse(schema);
            parsed.RootElement.WriteTo(writer);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(schema);
        }
    }
}
