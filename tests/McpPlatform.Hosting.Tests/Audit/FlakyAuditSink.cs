using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// An <c>AuditTo</c> sink for tests (<c>"Name": "FlakyAuditFile"</c>, <c>"Using": ["McpPlatform.Hosting.Tests"]</c>):
/// appends CLEF lines to a file, and throws, as a full disk does, while a file named <c>{path}.fail</c> exists,
/// so a test can make the audit sink fail and recover again.
/// </summary>
public static class FlakyAuditSinkExtensions
{
    public static LoggerConfiguration FlakyAuditFile(this LoggerAuditSinkConfiguration audit, string path) =>
        audit.Sink(new FlakyAuditSink(path));

    /// <summary>The file whose existence makes the sink fail.</summary>
    public static string FailSwitch(string path) => path + ".fail";

    private sealed class FlakyAuditSink(string path) : ILogEventSink
    {
        private readonly CompactJsonFormatter _formatter = new();

        public void Emit(LogEvent logEvent)
        {
            if (File.Exists(FailSwitch(path)))
            {
                throw new IOException("No space left on device (test switch)");
            }

            using var writer = new StringWriter();
            _formatter.Format(logEvent, writer);
            File.AppendAllText(path, writer.ToString());
        }
    }
}
