using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Audit;

/// <summary>What the audit record says about a call's arguments and result size.</summary>
internal static class AuditArguments
{
    /// <summary>The arguments as compact JSON (the caller passes them after data-loss redaction).</summary>
    public static string? Describe(IDictionary<string, JsonElement>? arguments) =>
        arguments is null ? null : JsonSerializer.Serialize(arguments, AuditJsonContext.Default.IDictionaryStringJsonElement);

    /// <summary>UTF-8 bytes of the result's text blocks and structured content.</summary>
    public static long ResultBytes(CallToolResult result)
    {
        long bytes = 0;
        foreach (var block in result.Content)
        {
            if (block is TextContentBlock text)
            {
                bytes += Encoding.UTF8.GetByteCount(text.Text);
            }
        }

        if (result.StructuredContent is { } structured)
        {
            bytes += JsonMarshal.GetRawUtf8Value(structured).Length; // the raw text's UTF-8 bytes, without making the string
        }

        return bytes;
    }
}

/// <summary>Source-generated serialization for audit values.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(IDictionary<string, JsonElement>))]
internal sealed partial class AuditJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
