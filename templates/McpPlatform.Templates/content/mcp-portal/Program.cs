using McpPlatform.Governance.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);

// The portal: connects to every upstream under McpPlatform:Portal:Upstreams (Streamable HTTP or a pinned stdio
// command), offers their approved tools as {namespace}_{tool} through the platform's governance, and quarantines
// any upstream tool whose definition differs from the approved manifest.
builder.AddMcpPortal();
// Application logs through Serilog, configured from the "Serilog" section; drop it to keep ASP.NET Core's logging.
builder.AddMcpPlatformSerilog();
// Traces and metrics: the platform's (auth, policy, data rules, tool, audit), the MCP SDK's, ASP.NET Core's and outgoing
// HTTP (W3C traceparent to upstreams), exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/observability.md).
var telemetry = builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
    .WithTracing(tracing => tracing.AddSource(PlatformTelemetry.Sources).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
    .WithMetrics(metrics => metrics.AddMeter(PlatformTelemetry.Meters).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
{
    telemetry.UseOtlpExporter();
}

var app = builder.Build();

// Streamable HTTP at /mcp (and one endpoint per audience under McpPlatform:Portal:Audiences), its OAuth metadata and
// the health probes at /healthz. Chain .RequireCors(...) or .RequireRateLimiting(...) here to apply them.
app.MapMcpPortal();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
