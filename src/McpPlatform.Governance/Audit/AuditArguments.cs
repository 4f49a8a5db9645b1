using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Audit;

/// <summary>What the audit record says about a call's arguments and result size.</summary>
internal static class AuditArguments
{
    /// <summary>What an argument the tool does not take is recorded as, instead of its value.</summary>
    public const string NotAcceptedValue = "[not accepted by the tool: value not recorded]";

    /// <summary>
    /// The arguments as compact JSON (the caller passes them after data-loss redaction). An argument the
    /// tool does not take is recorded by name only (its value is <see cref="NotAcceptedValue"/>), so a
    /// caller cannot fill the audit file through names no tool reads; a value longer than
    /// <see cref="AuditFieldLimits.MaxFieldChars"/> (as JSON text) is recorded cut, as a JSON string.
    /// </summary>
    public static string? Describe(McpToolDescriptor tool, IDictionary<string, JsonElement>? arguments, AuditFieldLimits limits)
    {
        if (arguments is null)
        {
            return null;
        }

        var accepted = ToolArgumentNames.Of(tool);
        if (IsPlain(arguments, accepted, limits.MaxFieldChars))
        {
            return limits.Arguments(JsonSerializer.Serialize(arguments, AuditJsonContext.Default.IDictionaryStringJsonElement));
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in arguments)
            {
                writer.WritePropertyName(limits.Field(name)!);
                if (!accepted.Accepts(name))
                {
                    writer.WriteStringValue(NotAcceptedValue);
                }
                else if (JsonMarshal.GetRawUtf8Value(value).Length <= limits.MaxFieldChars)
                {
                    value.WriteTo(writer);
                }
                else
                {
                    var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                    if (text.Length <= limits.MaxFieldChars)
                    {
                        value.WriteTo(writer); // long only in UTF-8 bytes or escapes, not in characters
                    }
                    else
                    {
                        writer.WriteStringValue(AuditFieldLimits.Cut(text, limits.MaxFieldChars));
                    }
                }
            }

            writer.WriteEndObject();
        }

        return limits.Arguments(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    // The common case: every name accepted, every value short (UTF-8 bytes never undercount characters).
    private static bool IsPlain(IDictionary<string, JsonElement> arguments, ToolArgumentNames accepted, int maxChars)
    {
        foreach (var (name, value) in arguments)
        {
            if (!accepted.Accepts(name) || name.Length > maxChars || JsonMarshal.GetRawUtf8Value(value).Length > maxChars)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Source-generated serialization for audit values.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(IDictionary<string, JsonElement>))]
internal sealed partial class AuditJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
