using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using McpPlatform.Governance.CodeMode;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// Cuts a JSON value down to about a byte budget and keeps it valid JSON: arrays and objects keep
/// their leading items that fit, the first item that does not fit is itself cut, and strings are
/// shortened at a character boundary with a marker. Never a string chopped mid-object.
/// </summary>
internal static class JsonTruncation
{
    private const string Marker = "…[truncated]";
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The longest prefix of <paramref name="json"/>'s structure that serializes to at most <paramref name="maxBytes"/> bytes (about).</summary>
    public static string Truncate(string json, int maxBytes)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, document.RootElement, maxBytes);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Writes value within budget bytes; returns the bytes it used (an estimate: punctuation included).
    private static int Write(Utf8JsonWriter writer, JsonElement value, int budget)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
            {
                writer.WriteStartArray();
                var used = 2;
                foreach (var item in value.EnumerateArray())
                {
                    var size = Size(item) + 1;
                    if (used + size <= budget)
                    {
                        item.WriteTo(writer);
                        used += size;
                        continue;
                    }

                    if (Shrinkable(item) && budget - used > 32)
                    {
                        used += Write(writer, item, budget - used - 1) + 1;
                    }

                    break;
                }

                writer.WriteEndArray();
                return used;
            }

            case JsonValueKind.Object:
            {
                writer.WriteStartObject();
                var used = 2;
                foreach (var property in value.EnumerateObject())
                {
                    var nameSize = Encoding.UTF8.GetByteCount(property.Name) + 4;
                    var size = nameSize + Size(property.Value);
                    if (used + size <= budget)
                    {
                        property.WriteTo(writer);
                        used += size;
                        continue;
                    }

                    if (Shrinkable(property.Value) && budget - used - nameSize > 32)
                    {
                        writer.WritePropertyName(property.Name);
                        used += nameSize + Write(writer, property.Value, budget - used - nameSize);
                    }

                    break;
                }

                writer.WriteEndObject();
                return used;
            }

            case JsonValueKind.String:
            {
                var text = value.GetString() ?? string.Empty;
                var room = Math.Max(0, budget - 2 - Encoding.UTF8.GetByteCount(Marker));
                var keep = Math.Min(text.Length, room);
                while (keep > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, keep)) > room)
                {
                    // Shrink in proportion first (multi-byte text), then by one.
                    var bytes = Encoding.UTF8.GetByteCount(text.AsSpan(0, keep));
                    keep = Math.Min(keep - 1, (int)((long)keep * room / bytes));
                }

                if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
                {
                    keep--;
                }

                var cut = keep < text.Length ? text[..keep] + Marker : text;
                writer.WriteStringValue(cut);
                return Encoding.UTF8.GetByteCount(cut) + 2;
            }

            default:
                value.WriteTo(writer);
                return Size(value);
        }
    }

    private static bool Shrinkable(JsonElement value) => value.ValueKind is JsonValueKind.Array or JsonValueKind.Object or JsonValueKind.String;

    private static int Size(JsonElement value) => Encoding.UTF8.GetByteCount(value.GetRawText());
}
