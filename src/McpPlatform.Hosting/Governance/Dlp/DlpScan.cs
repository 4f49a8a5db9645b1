using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace McpPlatform.Hosting.Governance.Dlp;

/// <summary>
/// One scan of one set of values (the arguments of a call, or one result): counts the characters
/// scanned against the limit, tracks the JSON path for messages, and collects the rules that fired.
/// </summary>
internal sealed class DlpScan
{
    /// <summary>The rule name reported when a set of values exceeds <see cref="DlpOptions.MaxScannedChars"/>.</summary>
    public const string ScanLimitRule = "scan-limit";

    private readonly DlpRuleSet _rules;
    private readonly bool _arguments;
    private readonly long _limit;
    private readonly string _tool;
    private readonly List<object> _path = [];
    private long _scanned;
    private List<string>? _fired;

    public DlpScan(DlpRuleSet rules, bool arguments, int limit, string tool)
    {
        _rules = rules;
        _arguments = arguments;
        _limit = limit;
        _tool = tool;
    }

    /// <summary>Set when a rule (or the size limit) blocked the arguments; scanning stops.</summary>
    public string? BlockedRule { get; private set; }

    /// <summary>The argument path of the blocked value.</summary>
    public string? BlockedPath { get; private set; }

    /// <summary>Why the arguments were blocked, naming the rule and path but never the value.</summary>
    public string? BlockedMessage { get; private set; }

    /// <summary>True when a result exceeded the limit and later values were left unscanned.</summary>
    public bool LimitReached { get; private set; }

    public bool Blocked => BlockedRule is not null;

    /// <summary>The rules that fired, each once, in the order they first fired.</summary>
    public IReadOnlyList<string> Fired => _fired is null ? [] : _fired;

    /// <summary>Starts the path of a top-level argument.</summary>
    public void BeginArgument(string name)
    {
        _path.Clear();
        _path.Add(name);
    }

    /// <summary>The scanned text, or null when nothing changed (or the scan stopped).</summary>
    public string? ScanText(string text)
    {
        if (Blocked || LimitReached)
        {
            return null;
        }

        if (_scanned + text.Length > _limit)
        {
            if (_arguments)
            {
                Block(ScanLimitRule,
                    $"The arguments of tool '{_tool}' are too large to scan for sensitive data: argument '{FormatPath()}' takes them " +
                    $"past {_limit.ToString(CultureInfo.InvariantCulture)} characters ({DlpOptions.SectionName}:MaxScannedChars); " +
                    "send less text in one call.");
            }
            else
            {
                LimitReached = true;
                Fire(ScanLimitRule);
            }

            return null;
        }

        _scanned += text.Length;
        return _arguments ? ScanArgumentText(text) : ScanResultText(text);
    }

    private string? ScanArgumentText(string text)
    {
        if (text.Length < _rules.ArgumentMinLength)
        {
            return null;
        }

        var current = text;
        CompiledDlpRule? rule = null;
        try
        {
            foreach (var blocking in _rules.ArgumentBlock)
            {
                rule = blocking;
                if (blocking.Matches(text))
                {
                    Block(blocking.Name, $"DLP rule '{blocking.Name}' blocked argument '{FormatPath()}' of tool '{_tool}': it contains data this server does not accept; remove it and call again.");
                    return null;
                }
            }

            foreach (var redacting in _rules.ArgumentRedact)
            {
                rule = redacting;
                var redacted = redacting.Redact(current);
                if (!ReferenceEquals(redacted, current))
                {
                    Fire(redacting.Name);
                    current = redacted;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            Block(rule!.Name, $"DLP rule '{rule.Name}' timed out scanning argument '{FormatPath()}'; the call was blocked.");
            return null;
        }

        return ReferenceEquals(current, text) ? null : current;
    }

    private string? ScanResultText(string text)
    {
        if (text.Length < _rules.ResultMinLength)
        {
            return null;
        }

        var current = text;
        foreach (var rule in _rules.ResultRedact)
        {
            string redacted;
            try
            {
                redacted = rule.Redact(current);
            }
            catch (RegexMatchTimeoutException)
            {
                // Fail closed: a value the rule cannot finish scanning is withheld whole.
                redacted = rule.Replacement;
            }

            if (!ReferenceEquals(redacted, current))
            {
                Fire(rule.Name);
                current = redacted;
            }
        }

        return ReferenceEquals(current, text) ? null : current;
    }

    /// <summary>
    /// The element with its strings and numbers scanned, and in a result its property names too, or null
    /// when nothing changed or the scan stopped. Argument names stay as they are: they are the tool's
    /// parameter and property names, and renaming them would only break binding.
    /// </summary>
    public JsonElement? ScanElement(JsonElement element)
    {
        var edits = new Edits();
        Collect(element, edits);
        if (Blocked || (edits.Values is null && edits.Names is null))
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            edits.Rewind();
            Write(element, writer, edits);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private void Collect(JsonElement element, Edits edits)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = edits.Name++;
                    if (!_arguments && !TooShortToMatch(JsonMarshal.GetRawUtf8PropertyName(property)) && ScanText(property.Name) is { } renamed)
                    {
                        (edits.Names ??= [])[name] = renamed;
                    }

                    Enter(property);
                    Collect(property.Value, edits);
                    Leave();
                    if (Blocked)
                    {
                        return;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Enter(index++);
                    Collect(item, edits);
                    Leave();
                    if (Blocked)
                    {
                        return;
                    }
                }

                break;
            case JsonValueKind.String or JsonValueKind.Number:
                // Numbers are scanned as their JSON text: a card number sent as a number is still a card number.
                var raw = JsonMarshal.GetRawUtf8Value(element);
                if (!TooShortToMatch(raw)
                    && ScanText(element.ValueKind == JsonValueKind.String ? element.GetString()! : Encoding.UTF8.GetString(raw)) is { } replaced)
                {
                    (edits.Values ??= [])[edits.Leaf] = replaced;
                }

                edits.Leaf++;
                break;
        }
    }

    /// <summary>
    /// True (and counted as scanned) when a value or property name is too short for any rule to match:
    /// its raw UTF-8 is never shorter than its text, so it is skipped without decoding it.
    /// </summary>
    private bool TooShortToMatch(ReadOnlySpan<byte> raw)
    {
        var length = raw.Length >= 2 && raw[0] == (byte)'"' ? raw.Length - 2 : raw.Length;
        var minLength = _arguments ? _rules.ArgumentMinLength : _rules.ResultMinLength;
        if (length >= minLength || _scanned + length > _limit)
        {
            return false;
        }

        _scanned += length;
        return true;
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer, Edits edits)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(edits.Names is { } names && names.TryGetValue(edits.Name, out var renamed) ? renamed : property.Name);
                    edits.Name++;
                    Write(property.Value, writer, edits);
                }

                writer.WriteEndObject();
                return;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer, edits);
                }

                writer.WriteEndArray();
                return;
            case JsonValueKind.String or JsonValueKind.Number:
                if (edits.Values is { } values && values.TryGetValue(edits.Leaf, out var replaced))
                {
                    writer.WriteStringValue(replaced);
                }
                else
                {
                    element.WriteTo(writer);
                }

                edits.Leaf++;
                return;
            default:
                element.WriteTo(writer);
                return;
        }
    }

    /// <summary>Replacements found by <see cref="Collect"/>, by position in document order: values (strings, numbers) and property names.</summary>
    private sealed class Edits
    {
        public Dictionary<int, string>? Values { get; set; }

        public Dictionary<int, string>? Names { get; set; }

        public int Leaf { get; set; }

        public int Name { get; set; }

        /// <summary>Back to the first position, for writing the edited document.</summary>
        public void Rewind() => (Leaf, Name) = (0, 0);
    }

    // Paths are only reported for arguments, so results skip the bookkeeping (and the property name strings).
    private void Enter(JsonProperty property)
    {
        if (_arguments)
        {
            _path.Add(property.Name);
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
