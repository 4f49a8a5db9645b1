using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// The line (1-based) on which each value of a JSON text starts, by path (<c>tools[3].access</c>), so a
/// validation error found on a <see cref="JsonElement"/> (which has no position) can still name its line.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines;

    private JsonLineMap(Dictionary<string, int> lines) => _lines = lines;

    /// <summary>
    /// Maps a text that already parsed as JSON. <paramref name="duplicate"/> is the first member that appears twice in
    /// one object (path and line), or null.
    /// </summary>
    public static JsonLineMap Build(ReadOnlySpan<byte> utf8, out (string Path, int Line)? duplicate)
    {
        duplicate = null;
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var frames = new Stack<Frame>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        while (reader.Read())
        {
            var line = LineOf(lineStarts, reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var property = frames.Peek();
                    var name = reader.GetString() ?? string.Empty;
                    property.PendingPath = Join(property.Path, name);
                    if (!property.Names.Add(name))
                    {
                        duplicate ??= (property.PendingPath, line);
                    }

                    lines.TryAdd(property.PendingPath, line);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var path = NextValuePath(frames);
                    lines.TryAdd(path, line);
                    frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                case JsonTokenType.Comment or JsonTokenType.None:
                    break;
                default:
                    lines.TryAdd(NextValuePath(frames), line);
                    break;
            }
        }

        return new JsonLineMap(lines);
    }

    /// <summary>The line of <paramref name="path"/>, or of its nearest enclosing value that is mapped; 1 if none.</summary>
    public int LineOf(string path)
    {
        for (var current = path; ; current = Parent(current))
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }

            if (current.Length == 0)
            {
                return 1;
            }
        }
    }

    /// <summary>A member's path below <paramref name="parent"/> (the root's path is empty).</summary>
    public static string Join(string parent, string member) => parent.Length == 0 ? member : parent + "." + member;

    /// <summary>An array item's path.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }

    private static string NextValuePath(Stack<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return string.Empty;
        }

        var parent = frames.Peek();
        return parent.IsArray ? Item(parent.Path, parent.NextIndex++) : parent.PendingPath ?? parent.Path;
    }

    private static int LineOf(List<int> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch((int)offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }

        public string? PendingPath { get; set; }

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }
}
