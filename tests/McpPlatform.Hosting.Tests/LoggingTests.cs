using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests;

public sealed class LoggingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpplatform-logs-").FullName;

    [Fact]
    public async Task Failing_tool_call_is_logged_with_its_exception_to_the_configured_file_sink()
    {
        var logFile = Path.Combine(_directory, "server.log");
        var server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:0:Name"] = "File",
            ["Serilog:WriteTo:0:Args:path"] = logFile,
            ["Serilog:WriteTo:0:Args:outputTemplate"] = "{Level:u3} {SourceContext} {Message:lj}{NewLine}{Exception}",
        });
        try
        {
            await using var client = await server.ConnectClientAsync();
            var result = await client.CallAsync("explode", """{"reason":"log me"}""");
            Assert.True(result.IsError);
        }
        finally
        {
            await server.DisposeAsync();
        }

        var log = await File.ReadAllTextAsync(logFile);
        Assert.Contains("WRN McpPlatform.Hosting.Tools.GeneratedMcpTool Tool explode failed", log);
        Assert.Contains("System.InvalidOperationException: " + SampleTools.ExplosionMessage, log);
        Assert.Contains("   at ", log);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
