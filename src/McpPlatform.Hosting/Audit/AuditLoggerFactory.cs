using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Settings.Configuration;

namespace McpPlatform.Hosting.Audit;

/// <summary>
/// The audit logger: its own Serilog pipeline, separate from application logs. Sinks come from
/// <c>McpPlatform:Audit:Serilog</c> (<c>AuditTo</c> sinks throw on failure); without any, a
/// rolling compact-JSON (CLEF) file under the audit folder whose failures are reported to
/// <see cref="AuditSinkFailures"/> and whose writes <see cref="AuditFileBatching"/> groups,
/// plus a console line per record.
/// </summary>
internal static class AuditLoggerFactory
{
    public static Serilog.Core.Logger Create(
        IConfiguration configuration, AuditOptions options, string contentRoot, AuditSinkFailures failures, AuditFileBatching batching)
    {
        var logger = new LoggerConfiguration().MinimumLevel.Information();
        var section = configuration.GetSection(AuditOptions.SerilogSectionName);
        if (section.GetSection("WriteTo").Exists() || section.GetSection("AuditTo").Exists())
        {
            return logger.ReadFrom.Configuration(configuration, new ConfigurationReaderOptions { SectionName = AuditOptions.SerilogSectionName }).CreateLogger();
        }

        var folder = Path.Combine(contentRoot, options.Directory);
        Directory.CreateDirectory(folder);
        logger.WriteTo.Fallible(
            // Roll on size instead of silently stopping at the limit; keep every file (retention is an operator's decision).
            sink => sink.File(
                new AuditClefFormatter(),
                Path.Combine(folder, "audit-.clef"),
                rollingInterval: RollingInterval.Day,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: null,
                hooks: batching),
            failures);
        if (options.Console)
        {
            logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} AUD] {Kind} {Method} {Tool} by {Subject}: {Outcome} ({Rule}){NewLine}");
        }

        return logger.CreateLogger();
    }
}
