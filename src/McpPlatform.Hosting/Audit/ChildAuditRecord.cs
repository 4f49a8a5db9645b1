using McpPlatform.Governance.Audit;

namespace McpPlatform.Hosting.Audit;

/// <summary>
/// The record of a call made on behalf of another one (a Code Mode inner call, a rollback's inverse call): a record of
/// its own, numbered under the outer request and carrying its session, correlation and caller, so the gate fills it in
/// through <see cref="AuditScope.Current"/> without touching the outer call's record.
/// </summary>
internal static class ChildAuditRecord
{
    public static AuditRecord Create(AuditRecord? outer, int sequence, string method, CallerIdentity caller) => new()
    {
        Method = method,
        RequestId = outer?.RequestId is { } parent ? $"{parent}/{sequence}" : null,
        ParentId = outer?.RequestId,
        SessionId = outer?.SessionId,
        CorrelationId = outer?.CorrelationId,
        Subject = caller.Subject,
        ClientId = caller.ClientId,
    };
}
