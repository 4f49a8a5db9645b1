using System.Buffers;
using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Json;
using Serilog.Parsing;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// Writes audit events as the same CLEF lines as <see cref="CompactJsonFormatter"/>, with less work
/// per record: the audit writer formats every record on one thread. An audit event (Information, no
/// exception, no trace ids, scalar properties, no formatted tokens) is written directly, strings
/// without characters to escape in one piece; any other event goes to <see cref="CompactJsonFormatter"/>.
/// A property whose name and value are the same instances as in the previous two events (the audit
/// writer reuses them for server, chain, method, tool, caller...) is written from a cached piece of JSON.
/// Not thread-safe: the file sink formats under its lock.
/// </summary>
internal sealed class AuditClefFormatter : ITextFormatter
{
    // What JSON requires escaped in a string, and all that Serilog's JsonValueFormatter escapes.
    private static readonly SearchValues<char> NeedsEscaping = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private readonly CompactJsonFormatter _other = new();
    private readonly JsonValueFormatter _values = new(typeTagName: "$type");
    private MessageTemplate? _plainTemplate;

    // By property position: the previous event's name and value, and the JSON of a pair seen twice in a row.
    private (string Name, LogEventPropertyValue Value)[] _previous = new (string, LogEventPropertyValue)[32];
    private (string Name, LogEventPropertyValue Value, string Json)?[] _repeated = new (string, LogEventPropertyValue, string)?[32];

    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        if (!IsAuditEvent(logEvent))
        {
            _other.Format(logEvent, output);
            return;
        }

        Span<char> text = stackalloc char[64];
        output.Write("{\"@t\":\"");
        if (logEvent.Timestamp.UtcDateTime.TryFormat(text, out var written, "O", CultureInfo.InvariantCulture))
        {
            output.Write(text[..written]);
        }
        else
        {
            output.Write(logEvent.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }

        output.Write("\",\"@mt\":");
        WriteString(logEvent.MessageTemplate.Text, output);
        var position = 0;
        if (logEvent.Properties is Dictionary<string, LogEventPropertyValue> properties)
        {
            foreach (var (name, value) in properties)
            {
                WriteProperty(position++, name, value, output, text);
            }
        }
        else
        {
            foreach (var (name, value) in logEvent.Properties)
            {
                WriteProperty(position++, name, value, output, text);
            }
        }

        output.Write('}');
        output.WriteLine();
    }

    private void WriteProperty(int position, string name, LogEventPropertyValue value, TextWriter output, Span<char> text)
    {
        if (position >= _previous.Length)
        {
            Array.Resize(ref _previous, position * 2);
            Array.Resize(ref _repeated, position * 2);
        }

        if (_repeated[position] is { } repeated && ReferenceEquals(repeated.Name, name) && ReferenceEquals(repeated.Value, value))
        {
            output.Write(repeated.Json);
            return;
        }

        if (ReferenceEquals(_previous[position].Name, name) && ReferenceEquals(_previous[position].Value, value))
        {
            var json = new StringWriter(CultureInfo.InvariantCulture);
            WriteProperty(name, value, json, text);
            _repeated[position] = (name, value, json.ToString());
        }

        _previous[position] = (name, value);
        WriteProperty(name, value, output, text);
    }

    private void WriteProperty(string name, LogEventPropertyValue value, TextWriter output, Span<char> text)
    {
        output.Write(',');
        WriteString(name.StartsWith('@') ? "@" + name : name, output); // CLEF escapes a leading '@' by doubling it
        output.Write(':');
        switch (value)
        {
            case ScalarValue { Value: string s }:
                WriteString(s, output);
                break;
            case ScalarValue { Value: long number } when number.TryFormat(text, out var written, provider: CultureInfo.InvariantCulture):
                output.Write(text[..written]);
                break;
            default:
                _values.Format(value, output);
                break;
        }
    }

    private static void WriteString(string value, TextWriter output)
    {
        if (value.AsSpan().ContainsAny(NeedsEscaping))
        {
            JsonValueFormatter.WriteQuotedJsonString(value, output);
            return;
        }

        output.Write('"');
        output.Write(value);
        output.Write('"');
    }

    /// <summary>True for events this formatter writes itself: everything else CLEF would add is absent.</summary>
    private bool IsAuditEvent(LogEvent logEvent)
    {
        if (logEvent.Level != LogEventLevel.Information || logEvent.Exception is not null || logEvent.TraceId is not null || logEvent.SpanId is not null)
        {
            return false;
        }

        // CLEF adds renderings ("@r") for tokens with a format; the audit template has none, checked once.
        var template = logEvent.MessageTemplate;
        if (ReferenceEquals(Volatile.Read(ref _plainTemplate), template))
        {
            return true;
        }

        if (template.Tokens.OfType<PropertyToken>().Any(token => token.Format is not null))
        {
            return false;
        }

        Volatile.Write(ref _plainTemplate, template);
        return true;
    }
}
