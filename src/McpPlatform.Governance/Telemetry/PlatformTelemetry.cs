using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace McpPlatform.Governance.Telemetry;

/// <summary>
/// The platform's traces and metrics, on the .NET diagnostics types OpenTelemetry listens to (no OpenTelemetry package
/// here: the application chooses the SDK and the exporter). Subscribe to <see cref="Sources"/> and <see cref="Meters"/>;
/// they include the MCP SDK's own (<see cref="SdkName"/>). Names and tags are listed on docs/observability.md.
/// </summary>
public static class PlatformTelemetry
{
    /// <summary>The platform's ActivitySource and Meter name.</summary>
    public const string Name = "McpPlatform";

    /// <summary>The MCP SDK's ActivitySource and Meter name (ModelContextProtocol 2.4.0).</summary>
    public const string SdkName = "Experimental.ModelContextProtocol";

    /// <summary>Every ActivitySource to trace: the platform's and the SDK's.</summary>
    public static readonly string[] Sources = [Name, SdkName];

    /// <summary>Every Meter to collect: the platform's and the SDK's.</summary>
    public static readonly string[] Meters = [Name, SdkName];

    internal static readonly ActivitySource Source = new(Name, typeof(PlatformTelemetry).Assembly.GetName().Version?.ToString(3));

    internal static readonly Meter Meter = new(Name, typeof(PlatformTelemetry).Assembly.GetName().Version?.ToString(3));

    /// <summary>Tool calls admitted or refused by the gate, by tool and outcome (the audit outcome: ok, tool_error, denied...).</summary>
    internal static readonly Counter<long> ToolCalls = Meter.CreateCounter<long>("mcpplatform.tool.calls", "{call}", "Tool calls by tool and outcome.");

    /// <summary>Calls refused by policy, by rule.</summary>
    internal static readonly Counter<long> Denials = Meter.CreateCounter<long>("mcpplatform.policy.denials", "{call}", "Calls denied, by the rule that decided.");

    /// <summary>Data-rule matches, by rule, where (arguments or result) and action.</summary>
    internal static readonly Counter<long> DataRuleHits = Meter.CreateCounter<long>("mcpplatform.dlp.hits", "{match}", "Data-rule matches, by rule, where and action.");

    /// <summary>Requests and calls refused by a limit (HTTP 429 or a rate-limited tool result), by limit.</summary>
    internal static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("mcpplatform.rate_limited", "{request}", "Requests and calls refused by a rate or concurrency limit, by limit.");

    /// <summary>How long one write of audit records to the sinks took (a batch, flushed).</summary>
    internal static readonly Histogram<double> AuditWriteDuration = Meter.CreateHistogram<double>("mcpplatform.audit.write.duration", "s", "Time to write and flush one batch of audit records.");

    /// <summary>Code Mode executions, by outcome (ok, error, refused).</summary>
    internal static readonly Counter<long> SandboxExecutions = Meter.CreateCounter<long>("mcpplatform.codemode.executions", "{execution}", "Code Mode executions, by outcome.");

    /// <summary>Code Mode executions stopped by a sandbox limit, by limit (timeout, memory, statements, ...).</summary>
    internal static readonly Counter<long> SandboxLimitHits = Meter.CreateCounter<long>("mcpplatform.codemode.limit_hits", "{execution}", "Code Mode executions stopped by a sandbox limit, by limit.");

    // Every live audit log's queue; the gauge reports their sum (one per server in a process, more in tests).
    private static readonly ConcurrentDictionary<object, Func<long>> AuditQueues = new();

    static PlatformTelemetry()
    {
        Meter.CreateObservableGauge("mcpplatform.audit.queue.length", () => AuditQueues.Values.Sum(length => length()), "{record}", "Audit records waiting to be written.");
    }

    /// <summary>Reports <paramref name="length"/> in the audit queue gauge until <see cref="StopObservingAuditQueue"/>.</summary>
    internal static void ObserveAuditQueue(object owner, Func<long> length) => AuditQueues[owner] = length;

    internal static void StopObservingAuditQueue(object owner) => AuditQueues.TryRemove(owner, out _);

    /// <summary>Starts a platform span named <c>mcpplatform.{what}</c> when anyone listens; null otherwise (no cost).</summary>
    internal static Activity? Start(string what, ActivityKind kind = ActivityKind.Internal) => Source.StartActivity("mcpplatform." + what, kind);
}
