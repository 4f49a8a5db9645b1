namespace McpPlatform.Cli.Tests.Audit;

/// <summary><c>mcp-platform audit verify --key-file (the test key) ARGS...</c>.</summary>
internal static class AuditCli
{
    public static Task<CliRun> VerifyAsync(params string[] args) => CliRun.RunAsync(["audit", "verify", "--key-file", AuditTestKey.File, .. args]);
}
