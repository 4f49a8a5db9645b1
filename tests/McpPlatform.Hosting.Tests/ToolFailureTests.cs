using System.Text.RegularExpressions;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests;

/// <summary>
/// An unexpected exception in a tool may carry a connection string, a path or a backend's answer:
/// the caller gets a generic message with a correlation id, and the same id leads to the exception
/// in the log and to the call's audit record.
/// </summary>
public sealed partial class ToolFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-tool-failure-").FullName;

    [Fact]
    public async Task Unexpected_exception_reaches_the_caller_as_a_correlation_id_shared_with_the_log_and_the_audit_record()
    {
        var logFile = Path.Combine(_folder, "server.log");
        var auditFolder = Path.Combine(_folder, "audit");
        var server = await RunningServer.StartAsync(new ServerSetup
        {
            AuditDirectory = auditFolder,
            Settings = new Dictionary<string, string?>
            {
                ["Serilog:WriteTo:0:Name"] = "File",
                ["Serilog:WriteTo:0:Args:path"] = logFile,
            },
        });
        string text;
        try
        {
            await using var client = await server.ConnectClientAsync();
            var result = await client.CallAsync("explode", """{"reason":"testing"}""");
            Assert.True(result.IsError);
            text = result.SingleText();
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.DoesNotContain(SampleTools.ExplosionMessage, text);
        var id = CorrelationId().Match(text) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException("No correlation id in: " + text);
        var record = Assert.Single(AuditTrail.Read(auditFolder).Requests, r => r.Tool == "explode");
        Assert.Equal(id, record.String(AuditFields.CorrelationId));
        Assert.Equal("tool threw InvalidOperationException", record.String(AuditFields.Error));
        Assert.DoesNotContain(SampleTools.ExplosionMessage, record.Text);
        var log = await File.ReadAllTextAsync(logFile);
        Assert.Contains($"Tool explode failed (correlation id {id})", log);
        Assert.Contains(SampleTools.ExplosionMessage, log);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("correlation id ([0-9a-f]+)")]
    private static partial Regex CorrelationId();
}
