namespace McpPlatform.Hosting.Audit;

/// <summary>
/// The audit log, bound from <c>McpPlatform:Audit</c>. Sinks come from
/// <c>McpPlatform:Audit:Serilog</c> (Serilog.Settings.Configuration: <c>AuditTo</c> for sinks
/// whose failures must refuse calls, <c>WriteTo</c> for best-effort copies). Without sinks the
/// embedded default applies: a rolling compact-JSON file under <see cref="Directory"/> plus the console.
/// </summary>
public sealed class AuditOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = McpPlatformOptions.SectionName + ":Audit";

    /// <summary>The Serilog section of the audit logger.</summary>
    public const string SerilogSectionName = SectionName + ":Serilog";

    /// <summary>Off only for benchmarks; refused outside Development.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Folder of the embedded default file sink, relative to the content root.</summary>
    public string Directory { get; set; } = "audit";

    /// <summary>Whether the embedded default also writes a one-line summary per record to the console.</summary>
    public bool Console { get; set; } = true;

    /// <summary>
    /// Write and Destructive calls always wait for their intent record to be written and are
    /// refused when it cannot be; set this to hold Read calls to the same rule.
    /// </summary>
    public bool FailClosedReads { get; set; }
}
