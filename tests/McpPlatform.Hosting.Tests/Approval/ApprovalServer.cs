using McpPlatform.Governance;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Approval;

/// <summary>A server with the default approval rule on (every Destructive tool asks), auditing into a folder the test reads.</summary>
internal static class ApprovalServer
{
    public static Task<RunningServer> StartAsync(AuditFolder audit, McpSessionMode mode, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["McpPlatform:SessionMode"] = mode.ToString(),
            ["McpPlatform:Approval:RequireForDestructive"] = "true",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return RunningServer.StartAsync(new ServerSetup { AuditDirectory = audit.Path, Settings = all });
    }
}
