using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpPlatform.Hosting.Tests.HostApp;

/// <summary>
/// Without <c>AddMcpPlatformSerilog</c> the platform logs through the app's own logger factory, so a provider the
/// app adds (OpenTelemetry, Application Insights) receives its events; with it, Serilog writes the console as before.
/// </summary>
[Collection(ConsoleCapture.Name)]
public sealed class AppLoggingTests
{
    [Fact]
    public async Task A_logging_provider_the_app_registers_receives_the_platforms_warning_for_a_failing_tool()
    {
        var provider = new CapturingLoggerProvider();
        await using (var server = await RunningServer.StartAsync(new ServerSetup
        {
            UseSerilog = false,
            Services = services => services.AddSingleton<ILoggerProvider>(provider),
        }))
        {
            await using var client = await server.ConnectClientAsync();
            var result = await client.CallAsync("explode", """{"reason":"log me"}""");
            Assert.True(result.IsError);
        }

        var failure = Assert.Single(provider.Events, e => e.Category == "McpPlatform.Hosting.Tools.GeneratedMcpTool");
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.StartsWith("Tool explode failed", failure.Message);
        Assert.Equal(SampleTools.ExplosionMessage, failure.Exception?.Message);
    }

    [Fact]
    public async Task The_apps_logger_factory_is_the_one_the_app_configured()
    {
        await using var server = await RunningServer.StartAsync(new ServerSetup { UseSerilog = false });

        Assert.Equal(typeof(LoggerFactory), server.Services.GetRequiredService<ILoggerFactory>().GetType());
    }

    [Fact]
    public async Task With_the_Serilog_opt_in_the_failing_tool_is_a_console_line_as_before()
    {
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(TextWriter.Synchronized(console));
        try
        {
            await using var server = await RunningServer.StartAsync(new ServerSetup
            {
                Settings = new Dictionary<string, string?> { ["McpPlatform:Audit:Console"] = "false" },
            });
            await using var client = await server.ConnectClientAsync();
            await client.CallAsync("explode", """{"reason":"log me"}""");
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Matches(@"\[\d\d:\d\d:\d\d WRN\] McpPlatform\.Hosting\.Tools\.GeneratedMcpTool: Tool explode failed", console.ToString());
    }
}
