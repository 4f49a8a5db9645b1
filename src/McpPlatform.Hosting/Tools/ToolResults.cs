using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using McpPlatform.Governance.Tools;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tools;

/// <summary>
/// Turns a tool method's return value into MCP content, called by generated code with the
/// return type known at compile time.
/// </summary>
public static class ToolResults
{
    // Results go to models and JSON parsers, never into HTML: keep '+', quotes and non-ASCII readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A tool that returned nothing.</summary>
    public static CallToolResult Empty() => new() { Content = [] };

    /// <summary>A string result, as one text block (nothing when null).</summary>
    public static CallToolResult Text(string? text) =>
        text is null ? Empty() : new CallToolResult { Content = [new TextContentBlock { Text = text }] };

    /// <summary>A boolean result as text (<c>true</c>/<c>false</c>).</summary>
    public static CallToolResult Value(bool value) => Text(value ? "true" : "false");

    /// <summary>A number or other formattable scalar as invariant text.</summary>
    public static CallToolResult Value<T>(T value)
        where T : IFormattable =>
        Text(value.ToString(null, CultureInfo.InvariantCulture));

    /// <summary>One content block (image, audio, embedded resource...) as returned by the tool.</summary>
    public static CallToolResult Content(ContentBlock? block) =>
        block is null ? Empty() : new CallToolResult { Content = [block] };

    /// <summary>Several content blocks as returned by the tool.</summary>
    public static CallToolResult Content(IEnumerable<ContentBlock>? blocks) =>
        new() { Content = blocks?.ToList() ?? [] };

    /// <summary>A result the tool built itself.</summary>
    public static CallToolResult Passthrough(CallToolResult? result) => result ?? Empty();

    /// <summary>
    /// A JSON value written by generated code: sent as text, and as structuredContent when
    /// <paramref name="structured"/> (object results that have an output schema).
    /// </summary>
    public static CallToolResult Json(Action<Utf8JsonWriter> write, bool structured)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        var result = new CallToolResult { Content = [new TextContentBlock { Text = json }] };
        if (structured)
        {
            // ParseValue yields a self-owned element: one copy, nothing to dispose.
            var reader = new Utf8JsonReader(buffer.WrittenSpan);
            result.StructuredContent = JsonElement.ParseValue(ref reader);
        }

        return result;
    }

    /// <summary>A tool error (isError) with a message for the model; never a stack trace.</summary>
    public static CallToolResult Error(string message) =>
        new() { IsError = true, Content = [new TextContentBlock { Text = message }] };
}
