using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace McpPlatform.Governance.Dlp;

/// <summary>
/// One scan of one set of values (the arguments of a call, or one result): counts the characters
/// scanned against the limit, tracks the JSON path for messages, and collects the rules that fired.
/// </summary>
internal sealed class DlpScan
{
    /// <summary>The rule name reported when a set of values exceeds <see cref="DlpOptions.MaxScannedChars"/>.</summary>
    public const string ScanLimitRule = "scan-limit";

    /// <summary>Ends a result value cut at the limit (<see cref="DlpOverLimit.Truncate"/>).</summary>
    public const string TruncatedMarker = "[TRUNCATED:" + ScanLimitRule + "]";

    /// <summary>
    /// How far past a cut a value is scanned, so a match across the cut is found and left out whole
    /// rather than half shown.
    /// </summary>
    private const int CutLookahead = 1024;

    private readonly DlpRuleSet _rules;
    private readonly bool _arguments;
    private readonly bool _truncate;
    private readonly long _limit;
    private readonly string _tool;
    private readonly List<object> _path = [];
    private Redactions? _redactions;
    private long _scanned;
    private List<string>? _fired;

    public DlpScan(DlpRuleSet rules, bool arguments, int limit, DlpOverLimit overLimit, string tool)
    {
        _rules = rules;
        _arguments = arguments;
        _truncate = !arguments && overLimit == DlpOverLimit.Truncate;
        _limit = limit;
        _tool = tool;
    }

    /// <summary>Set when a rule (or the size limit) blocked the arguments; scanning stops.</summary>
    public string? BlockedRule { get; private set; }

    /// <summary>The argument path of the blocked value (of the object, for a property name).</summary>
    public string? BlockedPath { get; private set; }

    /// <summary>Why the arguments were blocked, naming the rule and path but never the value.</summary>
    public string? BlockedMessage { get; private set; }

    /// <summary>True when a result exceeded the limit: it is withheld, or cut where the limit was reached.</summary>
    public bool LimitReached { get; private set; }

    public bool Blocked => BlockedRule is not null;

    /// <summary>True once nothing more is scanned: the arguments are blocked, or a result reached the limit.</summary>
    public bool Stopped => Blocked || LimitReached;

    /// <summary>The rules that fired, each once, in the order they first fired.</summary>
    public IReadOnlyList<string> Fired => _fired is null ? [] : _fired;

    /// <summary>Scans a top-level argument name; the redacted name, or null when nothing changed or the call is blocked.</summary>
    public string? ScanArgumentName(string name)
    {
        _path.Clear();
        return Scan(name, isName: true);
    }

    /// <summary>Starts the path of a top-level argument.</summary>
    public void BeginArgument(string name)
    {
        _path.Clear();
        _path.Add(name);
    }

    /// <summary>
    /// The scanned text (redacted, or cut at the limit), or null when nothing changed, the arguments
    /// are blocked, or a result reached the limit and this text is left out.
    /// </summary>
    public string? ScanText(string text) => Scan(text, isName: false);

    private string? Scan(string text, bool isName)
    {
        if (Stopped)
        {
            return null;
        }

        // One more than the length: a million empty strings are a million values to look at.
        var cost = text.Length + 1L;
        if (_scanned + cost > _limit)
        {
            var room = (int)Math.Max(0, _limit - _scanned - 1);
            OverLimit();
            return _truncate && !isName ? ScanResultText(text, room) : null;
        }

        _scanned += cost;
        return _arguments ? ScanArgumentText(text, isName) : ScanResultText(text, text.Length);
    }

    /// <summary>Counts a value that has no text (an object, array, true, false, null); false when it is past the limit.</summary>
    private bool Charge()
    {
        if (Stopped)
        {
            return false;
        }

        if (_scanned + 1 > _limit)
        {
            OverLimit();
            return false;
        }

        _scanned++;
        return true;
    }

    private void OverLimit()
    {
        if (_arguments)
        {
            Block(ScanLimitRule,
                $"The arguments of tool '{_tool}' are too large to scan for sensitive data: {Where(isName: false)} takes them " +
                $"past {_limit.ToString(CultureInfo.InvariantCulture)} characters ({DlpOptions.SectionName}:MaxScannedChars); " +
                "send less text in one call.");
        }
        else
        {
            LimitReached = true;
            _scanned = _limit;
            Fire(ScanLimitRule);
        }
    }

    private string? ScanArgumentText(string text, bool isName)
    {
        if (text.Length < _rules.ArgumentMinLength && text.Length * 4 < _rules.ArgumentMinLength)
        {
            return null; // even folded (one character can become up to four) it is too short for any rule
        }

        var view = NormalizedText.Of(text);
        if (view.Text.Length < _rules.ArgumentMinLength)
        {
            return null;
        }

        CompiledDlpRule? rule = null;
        var redactions = _redactions ??= new();
        redactions.Clear();
        try
        {
            foreach (var blocking in _rules.ArgumentBlock)
            {
                rule = blocking;
                if (blocking.Matches(view.Text))
                {
                    Block(blocking.Name, $"DLP rule '{blocking.Name}' blocked {Where(isName)} of tool '{_tool}': it contains data this server does not accept; remove it and call again.");
                    return null;
                }
            }

            foreach (var redacting in _rules.ArgumentRedact)
            {
                rule = redacting;
                if (redacting.Collect(view.Text, redactions))
                {
                    Fire(redacting.Name);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            Block(rule!.Name, $"DLP rule '{rule.Name}' timed out scanning {Where(isName)}; the call was blocked.");
            return null;
        }

        return redactions.IsEmpty ? null : redactions.Apply(text, view, text.Length);
    }

    /// <summary>The redacted text, or null when nothing changed; cut (and marked) when <paramref name="cut"/> is inside it.</summary>
    private string? ScanResultText(string text, int cut)
    {
        var cutting = cut < text.Length;
        if (cutting)
        {
            if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            text = text[..Math.Min(text.Length, cut + CutLookahead)];
        }
        else if (text.Length < _rules.ResultMinLength && text.Length * 4 < _rules.ResultMinLength)
        {
            return null;
        }

        var view = NormalizedText.Of(text);
        if (!cutting && view.Text.Length < _rules.ResultMinLength)
        {
            return null;
        }

        var redactions = _redactions ??= new();
        redactions.Clear();
        foreach (var rule in _rules.ResultRedact)
        {
            try
            {
                if (rule.Collect(view.Text, redactions))
                {
                    Fire(rule.Name);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Fail closed: a value the rule cannot finish scanning is withheld whole.
                Fire(rule.Name);
                return cutting ? rule.Replacement + TruncatedMarker : rule.Replacement;
            }
        }

        if (cutting)
        {
            return redactions.Apply(text, view, redactions.SafeCut(view, cut)) + TruncatedMarker;
        }

        return redactions.IsEmpty ? null : redactions.Apply(text, view, text.Length);
    }

    /// <summary>
    /// The element with its strings, numbers and property names scanned (redacted, or cut at the
    /// limit), or null when nothing changed or the scan stopped before it.
    /// </summary>
    public JsonElement? ScanElement(JsonElement element)
    {
        var edits = new Edits();
        Collect(element, edits);
        if (Blocked || !edits.Changed)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (edits.Cut == 0)
            {
                // Not even the first value fitted: an empty object or array stays one, anything else becomes the marker.
                switch (element.ValueKind)
                {
                    case JsonValueKind.Object:
                        writer.WriteStartObject();
                        writer.WriteEndObject();
                        break;
                    case JsonValueKind.Array:
                        writer.WriteStartArray();
                        writer.WriteEndArray();
                        break;
                    default:
                        writer.WriteStringValue(TruncatedMarker);
                        break;
                }
            }
            else
            {
                edits.Rewind();
                Write(element, writer, edits);
            }
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private void Collect(JsonElement element, Edits edits)
    {
        var position = edits.Position++;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (!Charge())
                {
                    edits.CutAt(position);
                    return;
                }

                foreach (var property in element.EnumerateObject())
                {
                    var name = edits.Position++;
                    var renamed = TooShortToMatch(JsonMarshal.GetRawUtf8PropertyName(property)) ? null : Scan(property.Name, isName: true);
                    if (Stopped)
                    {
                        edits.CutAt(name);
                        return;
                    }

                    if (renamed is not null)
                    {
                        (edits.Names ??= [])[name] = renamed;
                    }

                    Enter(property, renamed);
                    Collect(property.Value, edits);
                    Leave();
                    if (Stopped)
                    {
                        return;
                    }
                }

                break;
            case JsonValueKind.Array:
                if (!Charge())
                {
                    edits.CutAt(position);
                    return;
                }

                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Enter(index++);
                    Collect(item, edits);
                    Leave();
                    if (Stopped)
                    {
                        return;
                    }
                }

                break;
            case JsonValueKind.String or JsonValueKind.Number:
                // Numbers are scanned as their JSON text: a card number sent as a number is still a card number.
                var raw = JsonMarshal.GetRawUtf8Value(element);
                var replaced = TooShortToMatch(raw)
                    ? null
                    : ScanText(element.ValueKind == JsonValueKind.String ? element.GetString()! : Encoding.UTF8.GetString(raw));
                if (replaced is not null)
                {
                    (edits.Values ??= [])[position] = replaced;
                }

                if (LimitReached)
                {
                    edits.CutAt(replaced is null ? position : position + 1); // a cut string keeps what fitted
                }

                break;
            default:
                if (!Charge())
                {
                    edits.CutAt(position);
                }

                break;
        }
    }

    /// <summary>
    /// True (and counted as scanned) when a value or property name is too short for any rule to match:
    /// decoded and folded, its raw UTF-8 gives at most a third more characters (three bytes can fold to
    /// four, as U+247D does to <c>(10)</c>), so it is skipped without decoding it.
    /// </summary>
    private bool TooShortToMatch(ReadOnlySpan<byte> raw)
    {
        var length = raw.Length >= 2 && raw[0] == (byte)'"' ? raw.Length - 2 : raw.Length;
        var minLength = _arguments ? _rules.ArgumentMinLength : _rules.ResultMinLength;
        if (length + (length / 3) >= minLength || _scanned + length + 1 > _limit)
        {
            return false;
        }

        _scanned += length + 1;
        return true;
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer, Edits edits)
    {
        var position = edits.Position++;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    // A property whose value is past the cut is left out with it.
                    var name = edits.Position;
                    if (edits.Stopped || name + 1 >= edits.Cut)
                    {
                        edits.Stopped = true;
                        break;
                    }

                    edits.Position++;
                    writer.WritePropertyName(edits.Names is { } names && names.TryGetValue(name, out var renamed) ? renamed : property.Name);
                    Write(property.Value, writer, edits);
                }

                writer.WriteEndObject();
                return;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    if (edits.Stopped || edits.Position >= edits.Cut)
                    {
                        edits.Stopped = true;
                        break;
                    }

                    Write(item, writer, edits);
                }

                writer.WriteEndArray();
                return;
            case JsonValueKind.String or JsonValueKind.Number:
                if (edits.Values is { } values && values.TryGetValue(position, out var replaced))
                {
                    writer.WriteStringValue(replaced);
                }
                else
                {
                    element.WriteTo(writer);
                }

                return;
            default:
                element.WriteTo(writer);
                return;
        }
    }

    /// <summary>
    /// What <see cref="Collect"/> found, by position in document order (every value and property name
    /// counts one): replaced values and property names, and where a result was cut.
    /// </summary>
    private sealed class Edits
    {
        public Dictionary<int, string>? Values { get; set; }

        public Dictionary<int, string>? Names { get; set; }

        public int Position { get; set; }

        /// <summary>The first position left out (the limit was reached there); int.MaxValue when nothing is cut.</summary>
        public int Cut { get; private set; } = int.MaxValue;

        /// <summary>Set while writing once the cut is reached: every open object and array closes.</summary>
        public bool Stopped { get; set; }

        public bool Changed => Values is not null || Names is not null || Cut != int.MaxValue;

        public void CutAt(int position) => Cut = Math.Min(Cut, position);

        /// <summary>Back to the first position, for writing the edited document.</summary>
        public void Rewind() => (Position, Stopped) = (0, false);
    }

    /// <summary>Where in the arguments: <c>argument 'a.b'</c>, <c>a property name in argument 'a.b'</c>, <c>an argument name</c>.</summary>
    private string Where(bool isName) =>
        !isName ? $"argument '{FormatPath()}'"
        : _path.Count == 0 ? "an argument name"
        : $"a property name in argument '{FormatPath()}'";

    // Paths are only reported for arguments, so results skip the bookkeeping.
    private void Enter(JsonProperty property, string? renamed)
    {
        if (_arguments)
        {
            _path.Add(renamed ?? property.Name); // a redacted name, so later messages do not repeat what it hid
        }
    }

    private void Enter(int index)
    {
        if (_arguments)
        {
            _path.Add(index);
        }
    }

    private void Leave()
    {
        if (_arguments)
        {
            _path.RemoveAt(_path.Count - 1);
        }
    }

    private void Block(string rule, string message)
    {
        Fire(rule);
        BlockedRule = rule;
        BlockedPath = FormatPath();
        BlockedMessage = message;
    }

    private void Fire(string rule)
    {
        _fired ??= [];
        if (!_fired.Contains(rule, StringComparer.Ordinal))
        {
            _fired.Add(rule);
        }
    }

    /// <summary>The current path: <c>ticket.labels[1]</c>; names that are not identifiers as <c>['odd name']</c>.</summary>
    private string FormatPath()
    {
        var path = new StringBuilder();
        foreach (var segment in _path)
        {
            if (segment is int index)
            {
                path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (segment is string name)
            {
                if (path.Length == 0 && IsIdentifier(name))
                {
                    path.Append(name);
                }
                else if (IsIdentifier(name))
                {
                    path.Append('.').Append(name);
                }
                else
                {
                    path.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
                }
            }
        }

        return path.ToString();
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '-');
}
