using System.Text;
using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>Parsing of manifest files (with line numbers in every error) and their indented, deterministic form.</summary>
internal static class JsonText
{
    private static readonly JsonDocumentOptions Options = new()
    {
        // Duplicates are refused after parsing, with their line (see Parse).
        AllowDuplicateProperties = true,
        MaxDepth = 128,
    };

    /// <summary>Parses <paramref name="text"/>, turning JSON syntax errors into <see cref="ManifestFormatException"/>s.</summary>
    public static (JsonDocument Document, ManifestFieldReader Reader) Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var utf8 = Encoding.UTF8.GetBytes(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = e.BytePositionInLine is { } position ? $" (column {position + 1})" : string.Empty;
            throw new ManifestFormatException(sourceName, line, null, $"not valid JSON: {WithoutPosition(e.Message)}{column}", e);
        }

        var lines = JsonLineMap.Build(utf8, out var duplicate);
        if (duplicate is { } member)
        {
            // Two members with one name would let a reviewer and a machine read different values.
            document.Dispose();
            throw new ManifestFormatException(sourceName, member.Line, member.Path, "the member appears twice in its object");
        }

        return (document, new ManifestFieldReader(sourceName, lines));
    }

    /// <summary>Reads a file as UTF-8 (a byte order mark is tolerated).</summary>
    public static string ReadFile(string path) => File.ReadAllText(path, Encoding.UTF8);

    /// <summary>
    /// Writes <paramref name="element"/> with two-space indentation and LF line ends, members in document order,
    /// strings escaped as in the canonical form and numbers as written, so the output is the same on every machine.
    /// </summary>
    public static void AppendIndented(StringBuilder text, JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject().ToList();
                if (members.Count == 0)
                {
                    text.Append("{}");
                    return;
                }

                text.Append("{\n");
                for (var i = 0; i < members.Count; i++)
                {
                    Indent(text, depth + 1);
                    CanonicalJson.AppendString(text, members[i].Name);
                    text.Append(": ");
                    AppendIndented(text, members[i].Value, depth + 1);
                    text.Append(i < members.Count - 1 ? ",\n" : "\n");
                }

                Indent(text, depth);
                text.Append('}');
                return;
            case JsonValueKind.Array:
                var items = element.EnumerateArray().ToList();
                if (items.Count == 0)
                {
                    text.Append("[]");
                    return;
                }

                text.Append("[\n");
                for (var i = 0; i < items.Count; i++)
                {
                    Indent(text, depth + 1);
                    AppendIndented(text, items[i], depth + 1);
                    text.Append(i < items.Count - 1 ? ",\n" : "\n");
                }

                Indent(text, depth);
                text.Append(']');
                return;
            case JsonValueKind.String:
                CanonicalJson.AppendString(text, element.GetString()!);
                return;
            default:
                text.Append(element.GetRawText());
                return;
        }
    }

    private static void Indent(StringBuilder text, int depth) => text.Append(' ', depth * 2);

    // System.Text.Json appends "LineNumber: 3 | BytePositionInLine: 9." (zero-based); the caller reports its own.
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var trimmed = (cut < 0 ? message : message[..cut]).Trim();
        return trimmed.TrimEnd('.');
    }
}
