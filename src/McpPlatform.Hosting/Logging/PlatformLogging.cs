using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace McpPlatform.Hosting.Logging;

/// <summary>
/// Application logs through Serilog, when the app opts in with <c>AddMcpPlatformSerilog</c> (the
/// template does): sinks and levels come from the <c>Serilog</c> configuration section
/// (Serilog.Settings.Configuration); without one the server logs to the console with ASP.NET
/// Core's per-request chatter turned down to warnings. Without the opt-in the platform logs through
/// whatever logging the app configured and touches none of it.
/// </summary>
internal static class PlatformLogging
{
    public static void AddPlatformLogging(IServiceCollection services, IConfiguration configuration)
    {
        // preserveStaticLogger keeps several hosts in one process (tests) from sharing one logger.
        services.AddSerilog(
            (provider, logger) => Configure(logger, configuration, provider),
            preserveStaticLogger: true);

        var serilogFactory = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(serilogFactory);
        services.AddSingleton<ILoggerFactory>(provider => new CachingLoggerFactory(
            (ILoggerFactory)(serilogFactory.ImplementationFactory?.Invoke(provider)
                ?? serilogFactory.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(provider, serilogFactory.ImplementationType!))));
    }

    private static void Configure(LoggerConfiguration logger, IConfiguration configuration, IServiceProvider provider)
    {
        var serilog = configuration.GetSection("Serilog");
        logger.ReadFrom.Configuration(configuration).ReadFrom.Services(provider).Enrich.FromLogContext();

        if (!serilog.GetSection("MinimumLevel").Exists())
        {
            logger.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("ModelContextProtocol", LogEventLevel.Warning);
        }

        if (!serilog.GetSection("WriteTo").Exists())
        {
            logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        }
    }
}
