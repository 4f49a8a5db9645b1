using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Settings.Configuration;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// The audit logger: its own Serilog pipeline, separate from application logs. With <c>AuditTo</c> sinks
/// under <c>McpPlatform:Audit:Serilog</c> (they throw on failure, so a failed write still refuses calls)
/// those replace the embedded default; otherwise the embedded default is always there: a rolling
/// compact-JSON (CLEF) file under the audit folder whose failures are reported to <see cref="AuditSinkFailures"/>
/// and whose writes <see cref="AuditFileBatching"/> groups, plus a console line per record. <c>WriteTo</c>
/// sinks are best-effort copies added beside it: configuring one never removes the failure-detecting file.
/// </summary>
internal static class AuditLoggerFactory
{
    public static Serilog.Core.Logger Create(
        IConfiguration configuration, AuditOptions options, string contentRoot, AuditSinkFailures failures, AuditFileBatching batching)
    {
        var logger = new LoggerConfiguration().MinimumLevel.Information();
        var section = configuration.GetSection(AuditOptions.SerilogSectionName);
        var readerOptions = new ConfigurationReaderOptions { SectionName = AuditOptions.SerilogSectionName };
        if (section.GetSection("AuditTo").Exists())
        {
            return logger.ReadFrom.Configuration(configuration, readerOptions).CreateLogger();
        }

        var folder = options.FolderUnder(contentRoot);
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
            logger.WriteTo.Console(new AuditConsoleFormatter());
        }

        if (section.GetSection("WriteTo").Exists())
        {
            logger.ReadFrom.Configuration(configuration, readerOptions); // adds the copies; the file above stays
        }

        return logger.CreateLogger();
    }
}
