namespace McpPlatform.Governance.Audit;

/// <summary>The audit record of the request this code runs for, so the gate can fill it in.</summary>
public static class AuditScope
{
    private static readonly AsyncLocal<AuditRecord?> CurrentRecord = new();

    /// <summary>The current request's record, or null outside an audited request.</summary>
    public static AuditRecord? Current => CurrentRecord.Value;

    /// <summary>Makes <paramref name="record"/> current until the returned scope is disposed.</summary>
    public static IDisposable Begin(AuditRecord record)
    {
        var previous = CurrentRecord.Value;
        CurrentRecord.Value = record;
        return new Restore(previous);
    }

    private sealed class Restore(AuditRecord? previous) : IDisposable
    {
        public void Dispose() => CurrentRecord.Value = previous;
    }
}
