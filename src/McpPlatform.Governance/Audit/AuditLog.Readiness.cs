namespace McpPlatform.Governance.Audit;

/// <summary>The readiness probe of the audit log (<c>/healthz/ready</c>).</summary>
public sealed partial class AuditLog
{
    // Queued like a record; the writer emits only the chain-start record it stands for (see Emit).
    private static readonly AuditRecord ReadinessProbe = new() { Kind = AuditRecord.ChainStartKind };

    /// <summary>
    /// Completes when the sink can write; throws <see cref="AuditUnavailableException"/> when it cannot. While no record
    /// of the current chain is on disk (after start-up, or after a failed write) it writes the chain-start record the
    /// next call would write first anyway, so a server that takes no traffic (not ready) still finds out that the sink
    /// has recovered; once the chain has a record on disk it only waits for the writer, and writes nothing.
    /// </summary>
    internal ValueTask ProbeAsync(CancellationToken cancellationToken) => WriteAsync(ReadinessProbe, durable: true, cancellationToken);
}
