namespace McpPlatform.Fixtures.FleetReplica;

/// <summary>The tools the fleet tests call: each answer names the replica that served it.</summary>
[McpToolSet("Fleet", Description = "Tools that say which replica of the fleet served them.")]
public static class FleetTools
{
    /// <summary>Records a call under the caller's id (a governed Write: its intent record is on disk before it runs).</summary>
    /// <param name="callId">The client's id for this call, found again in the audit records.</param>
    [McpTool("record_call", Access = ToolAccess.Write)]
    public static string RecordCall(string callId, [FromServices] IConfiguration configuration) =>
        $"{callId} on {configuration["McpPlatform:Audit:ReplicaId"]}";

    /// <summary>Names the replica that served the call.</summary>
    [McpTool("which_replica", Access = ToolAccess.Read)]
    public static string WhichReplica([FromServices] IConfiguration configuration) =>
        configuration["McpPlatform:Audit:ReplicaId"] ?? "unknown";
}
