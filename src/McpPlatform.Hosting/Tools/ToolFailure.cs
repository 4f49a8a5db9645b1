using System.Diagnostics;
using System.Security.Cryptography;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Secrets;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Secrets;
using ModelContextProtocol;

namespace McpPlatform.Hosting.Tools;

/// <summary>
/// What a caller learns when a tool throws. Exception text reaches the caller only for the
/// exceptions meant for it: <see cref="McpException"/> (the SDK's documented way for a tool to
/// report an error to the client) and the platform's own <see cref="ToolSecretException"/>, whose
/// text names the tool and secret and never a value or a provider's error. Anything else may carry
/// a connection string, a file path or a backend's answer, so the caller gets a generic message
/// with a correlation id, and the exception goes to the log and its type to the audit record under
/// that id.
/// </summary>
internal static class ToolFailure
{
    public static bool IsForCaller(Exception exception) => exception is McpException or ToolSecretException;

    /// <summary>The id the log entry, the audit record and the caller's message share.</summary>
    public static string CorrelationId(AuditRecord? record) =>
        record?.CorrelationId
        ?? Activity.Current?.TraceId.ToString()
        ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string Message(string tool, Exception exception, string correlationId) =>
        IsForCaller(exception)
            ? $"Tool '{tool}' failed: {exception.Message}"
            : $"Tool '{tool}' failed with an unexpected error. The server's log and audit record have the details under correlation id {correlationId}.";

    /// <summary>Notes the failure in the call's audit record: the exception type, never its text.</summary>
    public static void Audit(AuditRecord? record, Exception exception)
    {
        if (record is not null && record.Error is null)
        {
            record.Error = "tool threw " + exception.GetType().Name;
        }
    }
}
