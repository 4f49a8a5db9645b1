using Serilog.Core;
using Serilog.Events;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// Hears the embedded file sink report a failed write (Serilog's failure listener), so the
/// single audit writer can tell that the record it just emitted did not reach the disk.
/// Sinks configured under <c>AuditTo</c> throw instead, which the writer catches the same way.
/// </summary>
internal sealed class AuditSinkFailures : ILoggingFailureListener
{
    private Exception? _last;

    public void OnLoggingFailed(object sender, LoggingFailureKind kind, string message, IReadOnlyCollection<LogEvent>? events, Exception? exception) =>
        _last = exception ?? new IOException(message);

    /// <summary>Throws the failure reported since the last call, if any (one writer thread calls this).</summary>
    public void ThrowIfFailed()
    {
        var failure = Interlocked.Exchange(ref _last, null);
        if (failure is not null)
        {
            throw new IOException("The audit sink failed to write a record.", failure);
        }
    }
}
