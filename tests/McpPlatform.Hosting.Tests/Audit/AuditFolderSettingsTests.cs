using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// Replicas sharing one volume each write their own audit and checkpoint folders: <c>%VARIABLE%</c>s in
/// <c>McpPlatform:Audit:Directory</c> and <c>CheckpointDirectory</c> are expanded (the deployments use %HOSTNAME%).
/// </summary>
public sealed class AuditFolderSettingsTests : IDisposable
{
    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task Environment_variables_in_the_audit_and_checkpoint_folders_are_expanded()
    {
        var variable = "MCP_AUDIT_TEST_REPLICA_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "replica-a");
        try
        {
            await using (var server = await RunningServer.StartAsync(new ServerSetup
            {
                AuditDirectory = _audit.Path,
                Settings = new Dictionary<string, string?>
                {
                    ["McpPlatform:Audit:Directory"] = Path.Combine(_audit.Path, $"%{variable}%"),
                    ["McpPlatform:Audit:CheckpointDirectory"] = Path.Combine(_audit.Path, "checkpoints", $"%{variable}%"),
                },
            }))
            {
                await using var client = await server.ConnectClientAsync();
                await client.CallAsync("echo", """{"text":"per replica"}""");
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Assert.Contains(AuditTrail.Read(Path.Combine(_audit.Path, "replica-a")).Requests, l => l.Tool == "echo");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_audit.Path, "checkpoints", "replica-a"), "checkpoint-*.json"));
    }
}
