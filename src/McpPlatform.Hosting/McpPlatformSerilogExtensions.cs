using McpPlatform.Hosting.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>builder.AddMcpPlatformSerilog()</c>: application logs through Serilog, configured from the
/// <c>Serilog</c> section. Opt-in: <c>AddMcpPlatform</c> alone logs through the app's own
/// <c>ILoggerFactory</c> and leaves its providers (console, OpenTelemetry, Application Insights) alone.
/// </summary>
public static class McpPlatformSerilogExtensions
{
    /// <summary>
    /// Replaces the app's logger factory with Serilog's, configured from the <c>Serilog</c> configuration
    /// section (console with ASP.NET Core's request chatter at warnings when the section names no sinks or levels).
    /// Logging providers the app registers are then not written to; add Serilog sinks instead.
    /// </summary>
    public static IHostApplicationBuilder AddMcpPlatformSerilog(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        PlatformLogging.AddPlatformLogging(builder.Services, builder.Configuration);
        return builder;
    }
}
