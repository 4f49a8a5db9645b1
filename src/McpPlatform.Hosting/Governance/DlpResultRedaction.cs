using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Governance;

/// <summary>
/// The data rules on an MCP tool result: walks its content blocks, structured content and <c>_meta</c>
/// through the governance core's scan (<see cref="DlpEngine"/>), which knows the rules but not the SDK's types.
/// </summary>
public static class DlpResultRedaction
{
    /// <summary>
    /// Redacts a tool result: the text of text blocks and embedded text resources, every string, number
    /// and property name in the structured content and in <c>_meta</c>, and the fields of any other block
    /// that carries text (resource links...). Images, audio and blobs are left as they are. Returns
    /// <paramref name="result"/> itself when nothing matched. A result with more than
    /// <see cref="DlpOptions.MaxScannedChars"/> to scan is withheld (a tool error naming the limit) or cut
    /// at the limit, as <see cref="DlpOptions.OverLimit"/> says.
    /// </summary>
    /// <remarks>
    /// Text that is JSON is scanned value by value, as decoded, and rewritten as JSON: a match next to an
    /// escape (<c>\n</c>, <c>\u002B</c>) is found and replaced without breaking the escape. A text block
    /// holding exactly the structured content's JSON (what generated tools return) is scanned once with it.
    /// </remarks>
    /// <param name="dlp">The server's data rules.</param>
    /// <param name="tool">The tool that produced the result.</param>
    /// <param name="result">The result to redact; never modified.</param>
    /// <param name="firedRules">The rules that redacted something (and <see cref="DlpEngine.ScanLimitRule"/> when the result was too large to scan).</param>
    public static CallToolResult RedactResult(this DlpEngine dlp, McpToolDescriptor tool, CallToolResult result, out IReadOnlyList<string> firedRules)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(result);
        firedRules = [];
        if (dlp.BeginResultScan(tool) is not { } scan)
        {
            return result;
        }

        var structured = new StructuredContentScan(scan, result.StructuredContent);
        List<ContentBlock>? content = null;
        var blocks = result.Content;
        var kept = blocks?.Count ?? 0;
        for (var i = 0; i < kept; i++)
        {
            var replaced = RedactBlock(scan, blocks![i], ref structured);
            if (replaced is not null)
            {
                content ??= [.. blocks];
                content[i] = replaced;
            }

            if (scan.LimitReached)
            {
                kept = i + (replaced is null ? 0 : 1); // blocks past the cut are left out
            }
        }

        var redactedStructured = structured.Redacted();
        var metaScanned = !scan.Stopped;
        var redactedMeta = metaScanned && result.Meta is not null ? RedactJson(scan, result.Meta) : null;
        if (scan.LimitReached && dlp.WithholdsOverLimit)
        {
            firedRules = scan.Fired;
            return ToolResults.Error(dlp.WithheldMessage(tool.Name));
        }

        if (content is null && redactedStructured is null && redactedMeta is null && !scan.LimitReached)
        {
            return result;
        }

        firedRules = scan.Fired;
        var meta = redactedMeta ?? result.Meta;
        if (scan.LimitReached)
        {
            content ??= [.. blocks ?? []];
            content.RemoveRange(kept, content.Count - kept);

            // _meta past the cut was never scanned, so it is left out like the rest.
            meta = !metaScanned || meta is null ? [] : (JsonObject)meta.DeepClone();
            meta[DlpEngine.ScanIncompleteMetaKey] = true;
        }

        return new CallToolResult
        {
            Content = (IList<ContentBlock>?)content ?? result.Content!,
            StructuredContent = redactedStructured ?? result.StructuredContent,
            IsError = result.IsError,
            Meta = meta,
            ResultType = result.ResultType,
        };
    }

    private static ContentBlock? RedactBlock(DlpScan scan, ContentBlock block, ref StructuredContentScan structured)
    {
        switch (block)
        {
            case TextContentBlock text:
                var redactedText = RedactText(scan, text.Text, ref structured);
                var textMeta = RedactMeta(scan, text.Meta);
                return redactedText is null && textMeta is null
                    ? null
                    : new TextContentBlock { Text = redactedText ?? text.Text, Annotations = text.Annotations, Meta = textMeta ?? text.Meta };
            case EmbeddedResourceBlock { Resource: TextResourceContents resource } embedded:
                var redactedResource = RedactText(scan, resource.Text, ref structured);
                var resourceMeta = RedactMeta(scan, resource.Meta);
                var embeddedMeta = RedactMeta(scan, embedded.Meta);
                return redactedResource is null && resourceMeta is null && embeddedMeta is null
                    ? null
                    : new EmbeddedResourceBlock
                    {
                        Resource = new TextResourceContents { Uri = resource.Uri, MimeType = resource.MimeType, Meta = resourceMeta ?? resource.Meta, Text = redactedResource ?? resource.Text },
                        Annotations = embedded.Annotations,
                        Meta = embeddedMeta ?? embedded.Meta,
                    };
            case ImageContentBlock or AudioContentBlock or EmbeddedResourceBlock:
                // Binary data is not text; only the block's _meta is.
                return RedactMeta(scan, block.Meta) is { } meta ? WithMeta(block, meta) : null;
            default:
                // Resource links (name, title, description, URI), and any block type added later: scanned as the JSON they are sent as.
                return RedactOtherBlock(scan, block);
        }
    }

    private static ContentBlock WithMeta(ContentBlock block, JsonObject meta) => block switch
    {
        ImageContentBlock image => new ImageContentBlock { Data = image.Data, MimeType = image.MimeType, Annotations = image.Annotations, Meta = meta },
        AudioContentBlock audio => new AudioContentBlock { Data = audio.Data, MimeType = audio.MimeType, Annotations = audio.Annotations, Meta = meta },
        EmbeddedResourceBlock embedded => new EmbeddedResourceBlock { Resource = embedded.Resource, Annotations = embedded.Annotations, Meta = meta },
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.Type, "Only binary blocks are rebuilt here."),
    };

    /// <summary>The redacted copy of a <c>_meta</c> object, or null when there is none, nothing in it matched, or the scan stopped before it.</summary>
    private static JsonObject? RedactMeta(DlpScan scan, JsonObject? meta) =>
        meta is null || scan.Stopped ? null : RedactJson(scan, meta);

    private static ContentBlock? RedactOtherBlock(DlpScan scan, ContentBlock block)
    {
        var json = JsonSerializer.SerializeToElement(block, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ContentBlock)));
        return scan.ScanElement(json) is { } redacted
            ? (ContentBlock?)redacted.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ContentBlock)))
            : null;
    }

    /// <summary>A redacted copy of <paramref name="json"/>, or null when nothing in it matched.</summary>
    private static JsonObject? RedactJson(DlpScan scan, JsonObject json) =>
        scan.ScanElement(JsonSerializer.SerializeToElement(json, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonObject)))) is { } redacted
            ? JsonNode.Parse(redacted.GetRawText()) as JsonObject
            : null;

    /// <summary>The redacted text, or null when nothing changed.</summary>
    private static string? RedactText(DlpScan scan, string text, ref StructuredContentScan structured)
    {
        if (structured.IsJsonOf(text))
        {
            return structured.Redacted()?.GetRawText();
        }

        if (text.AsSpan().TrimStart() is [ '{' or '[', ..] && TryParseJson(text) is { } document)
        {
            using (document)
            {
                return scan.ScanElement(document.RootElement)?.GetRawText();
            }
        }

        return scan.ScanText(text);
    }

    private static JsonDocument? TryParseJson(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null; // text that merely starts like JSON is scanned as text
        }
    }

    /// <summary>The structured content, scanned once, when first needed (a text block holding its JSON, or the end).</summary>
    private struct StructuredContentScan(DlpScan scan, JsonElement? element)
    {
        private bool _scanned;
        private JsonElement? _redacted;

        /// <summary>True when <paramref name="text"/> is the structured content's JSON, character for character.</summary>
        public readonly bool IsJsonOf(string text) =>
            element is { } json && Ascii.Equals(JsonMarshal.GetRawUtf8Value(json), text);

        /// <summary>The redacted structured content, or null when nothing in it matched.</summary>
        public JsonElement? Redacted()
        {
            if (!_scanned)
            {
                _scanned = true;
                _redacted = element is { } json ? scan.ScanElement(json) : null;
            }

            return _redacted;
        }
    }
}
