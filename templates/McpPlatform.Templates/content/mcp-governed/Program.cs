using McpPlatform.Governance.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Company.McpServer1.Tools;

var builder = WebApplication.CreateBuilder(args);

// Registers the MCP server with every [McpTool] method in this project (generated at compile time).
builder.AddMcpPlatform();
// Application logs through Serilog, configured from the "Serilog" section; drop it to keep ASP.NET Core's logging.
builder.AddMcpPlatformSerilog();
builder.Services.AddSingleton<IssueStore>();
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

// Streamable HTTP at /mcp, its OAuth metadata and the health probe at /healthz. Chain .RequireCors(...) or
// .RequireRateLimiting(...) here to apply them to the MCP endpoints.
app.MapMcpPlatform();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
