using System.Globalization;
using System.Text;
using Serilog.Events;
using Serilog.Formatting;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// The console line per audit record: <c>[HH:mm:ss AUD] Kind Method Tool by Subject: Outcome (Rule)</c>. Method,
/// tool and subject come from the client, so every control character (a newline above all) is written as an
/// escape: a client cannot forge a second line that looks like another record.
/// </summary>
internal sealed class AuditConsoleFormatter : ITextFormatter
{
    private static readonly string[] Fields = [AuditFields.Kind, AuditFields.Method, AuditFields.Tool];

    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        var line = new StringBuilder(128);
        line.Append('[').Append(logEvent.Timestamp.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(" AUD]");
        foreach (var field in Fields)
        {
            line.Append(' ');
            AppendEscaped(line, Value(logEvent, field));
        }

        line.Append(" by ");
        AppendEscaped(line, Value(logEvent, AuditFields.Subject));
        line.Append(": ");
        AppendEscaped(line, Value(logEvent, AuditFields.Outcome));
        line.Append(" (");
        AppendEscaped(line, Value(logEvent, AuditFields.Rule));
        line.Append(')');
        output.WriteLine(line.ToString());
    }

    private static string Value(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: { } scalar }
            ? Convert.ToString(scalar, CultureInfo.InvariantCulture) ?? string.Empty
            : string.Empty;

    /// <summary>Appends <paramref name="text"/> with C0/C1 controls, and the Unicode line and paragraph separators, as <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c>; a backslash as <c>\\</c>.</summary>
    private static void AppendEscaped(StringBuilder line, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    line.Append(@"\\");
                    break;
                case '\n':
                    line.Append(@"\n");
                    break;
                case '\r':
                    line.Append(@"\r");
                    break;
                case '\t':
                    line.Append(@"\t");
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029')
                    {
                        line.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        line.Append(c);
                    }

                    break;
            }
        }
    }
}
