using System.Runtime.InteropServices;
using System.Text;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Audit;

/// <summary>The size of an MCP tool result as the audit record states it (<c>ResultBytes</c>).</summary>
internal static class AuditResultBytes
{
    /// <summary>UTF-8 bytes of the result's text blocks and structured content.</summary>
    public static long Of(CallToolResult result)
    {
        long bytes = 0;
        var content = result.Content;
        for (var i = 0; i < content.Count; i++) // indexed: foreach over the IList boxes its enumerator
        {
            if (content[i] is TextContentBlock text)
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
